import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';

export const roleSchema = z.enum(ROLES, { error: 'Escolha um papel.' });
export const emailSchema = z.email({ error: 'Informe um e-mail válido.' }).transform((e) => e.trim().toLowerCase());

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const changeRoleSchema = z.object({ userId: z.uuid(), role: roleSchema });
export const removeMemberSchema = z.object({ userId: z.uuid() });
export const revokeInviteSchema = z.object({ inviteId: z.uuid() });

export const acceptInviteSchema = z.object({
  token: z.string().min(10),
  name: z.string().trim().min(2, { error: 'Informe seu nome.' }).max(120),
  password: z.string().min(8, { error: 'A senha precisa de pelo menos 8 caracteres.' }).max(200),
});

import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { accounts, invites, memberships, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { randomToken, sha256Hex } from '@/lib/crypto';
import { AppError, notFound } from '@/lib/errors';
import type { acceptInviteSchema, changeRoleSchema, inviteSchema } from './schemas';

const INVITE_DAYS = 7;

export async function inviteMember(actor: Actor, input: z.output<typeof inviteSchema>) {
  assertCan(actor, 'manageMembers');
  const db = getDb();
  const existing = await db
    .select({ userId: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.accountId, actor.accountId), eq(users.email, input.email)));
  if (existing.length > 0) {
    throw new AppError('CONFLICT', { message: 'Esta pessoa já é membro da conta.', fieldErrors: { email: ['Já é membro da conta.'] } });
  }
  const token = randomToken();
  const at = now();
  await db.insert(invites).values({
    accountId: actor.accountId,
    email: input.email,
    role: input.role,
    tokenHash: sha256Hex(token),
    invitedBy: actor.userId,
    createdAt: at,
    expiresAt: new Date(at.getTime() + INVITE_DAYS * 86_400_000),
  });
  return { token, path: `/invite/${token}` };
}

export async function revokeInvite(actor: Actor, inviteId: string) {
  assertCan(actor, 'manageMembers');
  const deleted = await getDb()
    .delete(invites)
    .where(and(eq(invites.id, inviteId), eq(invites.accountId, actor.accountId), isNull(invites.acceptedAt)))
    .returning({ id: invites.id });
  if (deleted.length === 0) throw notFound('Convite');
}

/** The last owner can be neither demoted nor removed: an account always has someone to manage it. */
async function assertOtherOwnerExists(accountId: string, userId: string) {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.role, 'owner'), ne(memberships.userId, userId)));
  if (!row || row.n === 0) {
    throw new AppError('LAST_OWNER', { message: 'A conta precisa de pelo menos um proprietário.', status: 409 });
  }
}

async function membershipOrThrow(accountId: string, userId: string) {
  const [m] = await getDb()
    .select()
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)));
  if (!m) throw notFound('Membro');
  return m;
}

export async function changeRole(actor: Actor, input: z.output<typeof changeRoleSchema>) {
  assertCan(actor, 'manageMembers');
  const m = await membershipOrThrow(actor.accountId, input.userId);
  if (m.role === 'owner' && input.role !== 'owner') await assertOtherOwnerExists(actor.accountId, input.userId);
  await getDb()
    .update(memberships)
    .set({ role: input.role })
    .where(and(eq(memberships.accountId, actor.accountId), eq(memberships.userId, input.userId)));
}

export async function removeMember(actor: Actor, userId: string) {
  assertCan(actor, 'manageMembers');
  const m = await membershipOrThrow(actor.accountId, userId);
  if (m.role === 'owner') await assertOtherOwnerExists(actor.accountId, userId);
  await getDb().delete(memberships).where(and(eq(memberships.accountId, actor.accountId), eq(memberships.userId, userId)));
}

/** What the invite page shows before the person accepts. */
export async function findOpenInvite(token: string) {
  const [invite] = await getDb()
    .select({ id: invites.id, email: invites.email, role: invites.role, accountName: accounts.name, accountId: invites.accountId })
    .from(invites)
    .innerJoin(accounts, eq(accounts.id, invites.accountId))
    .where(and(eq(invites.tokenHash, sha256Hex(token)), isNull(invites.acceptedAt), gt(invites.expiresAt, now())));
  if (!invite) return null;
  const [user] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, invite.email));
  return { ...invite, hasAccount: Boolean(user) };
}

/**
 * Joins the invited account. A new person chooses a password; someone who already has a Pombo
 * user proves it is them with their current password.
 */
export async function acceptInvite(input: z.output<typeof acceptInviteSchema>) {
  const invite = await findOpenInvite(input.token);
  if (!invite) throw new AppError('NOT_FOUND', { message: 'Este convite não existe, expirou ou já foi usado.' });
  const db = getDb();
  const [existing] = await db.select().from(users).where(eq(users.email, invite.email));
  if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
    throw new AppError('VALIDATION', {
      message: 'Você já tem um usuário no Pombo: use a sua senha atual.',
      fieldErrors: { password: ['Senha incorreta.'] },
    });
  }
  const passwordHash = existing ? null : await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const claimed = await tx
      .update(invites)
      .set({ acceptedAt: now() })
      .where(and(eq(invites.id, invite.id), isNull(invites.acceptedAt)))
      .returning({ id: invites.id });
    if (claimed.length === 0) throw new AppError('CONFLICT', { message: 'Este convite já foi usado.' });
    const userId =
      existing?.id ??
      (await tx.insert(users).values({ email: invite.email, name: input.name, passwordHash: passwordHash! }).returning({ id: users.id }))[0]!.id;
    await tx
      .insert(memberships)
      .values({ accountId: invite.accountId, userId, role: invite.role })
      .onConflictDoUpdate({ target: [memberships.accountId, memberships.userId], set: { role: invite.role } });
  });
  return { email: invite.email };
}

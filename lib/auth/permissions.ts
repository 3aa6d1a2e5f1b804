import { AppError } from '@/lib/errors';

export const ROLES = ['owner', 'operator', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = ['viewAccount', 'editContent', 'startDeliveries', 'manageInstances', 'manageMembers'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** SPEC §1, the capability table, as data. */
const GRANTS: Record<Capability, readonly Role[]> = {
  viewAccount: ['owner', 'operator', 'editor', 'viewer'],
  editContent: ['owner', 'operator', 'editor'],
  startDeliveries: ['owner', 'operator'],
  manageInstances: ['owner', 'operator'],
  manageMembers: ['owner'],
};

export interface Actor {
  userId: string;
  accountId: string;
  role: Role;
  isPlatformAdmin: boolean;
}

export function can(role: Role, capability: Capability): boolean {
  return GRANTS[capability].includes(role);
}

export function assertCan(actor: Actor, capability: Capability): void {
  if (!can(actor.role, capability)) {
    throw new AppError('FORBIDDEN', { message: 'Seu papel nesta conta não permite esta ação.' });
  }
}

export function assertPlatformAdmin(actor: { isPlatformAdmin: boolean }): void {
  // Everyone else is told the page does not exist (SPEC §1).
  if (!actor.isPlatformAdmin) throw new AppError('NOT_FOUND', { message: 'Página não encontrada.' });
}

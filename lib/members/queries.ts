import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invites, memberships, users } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';

export async function listMembers(actor: Actor) {
  assertCan(actor, 'viewAccount');
  return getDb()
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, actor.accountId))
    .orderBy(asc(users.name));
}

export async function listPendingInvites(actor: Actor) {
  assertCan(actor, 'manageMembers');
  return getDb()
    .select({ id: invites.id, email: invites.email, role: invites.role, expiresAt: invites.expiresAt })
    .from(invites)
    .where(and(eq(invites.accountId, actor.accountId), isNull(invites.acceptedAt), gt(invites.expiresAt, now())))
    .orderBy(asc(invites.email));
}

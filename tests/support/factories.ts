import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { accounts, memberships, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { Actor, Role } from '@/lib/auth/permissions';
import { ROLES } from '@/lib/auth/permissions';

export const TEST_PASSWORD = 'senha-de-teste-1';
let cachedHash: Promise<string> | undefined;

/** Each test builds its own tenant, so files can run in parallel on one database. */
export async function createAccount(name = `Conta ${randomUUID().slice(0, 8)}`) {
  const [account] = await getDb().insert(accounts).values({ name }).returning();
  return account!;
}

export async function createUser(opts: { email?: string; isPlatformAdmin?: boolean } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = opts.email ?? `u-${randomUUID()}@test.local`;
  const [user] = await getDb()
    .insert(users)
    .values({ email, name: `Pessoa ${email.slice(0, 10)}`, passwordHash: await cachedHash, isPlatformAdmin: opts.isPlatformAdmin ?? false })
    .returning();
  return user!;
}

export async function addMember(accountId: string, userId: string, role: Role) {
  await getDb().insert(memberships).values({ accountId, userId, role });
}

/** An account with one member per role; returns each role's actor. */
export async function createTenant() {
  const account = await createAccount();
  const actors = {} as Record<Role, Actor>;
  for (const role of ROLES) {
    const user = await createUser();
    await addMember(account.id, user.id, role);
    actors[role] = { userId: user.id, accountId: account.id, role, isPlatformAdmin: false };
  }
  return { account, actors };
}

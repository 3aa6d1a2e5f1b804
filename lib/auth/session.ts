import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { accounts, memberships, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { auth } from './next-auth';
import type { Actor, Role } from './permissions';

export const ACCOUNT_COOKIE = 'pombo_account';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
}

export interface AccountMembership {
  accountId: string;
  accountName: string;
  role: Role;
}

/** The signed-in user, re-read from the database on every request (a deleted user is signed out). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [user] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, isPlatformAdmin: users.isPlatformAdmin })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return user ?? null;
});

export const getMemberships = cache(async (userId: string): Promise<AccountMembership[]> =>
  getDb()
    .select({ accountId: accounts.id, accountName: accounts.name, role: memberships.role })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(accounts.name)),
);

/** The actor for the current request, or null when signed out or without any account. */
export const findActor = cache(async (): Promise<Actor | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  const list = await getMemberships(user.id);
  const wanted = (await cookies()).get(ACCOUNT_COOKIE)?.value;
  const current = list.find((m) => m.accountId === wanted) ?? list[0];
  if (!current) return null;
  return { userId: user.id, accountId: current.accountId, role: current.role, isPlatformAdmin: user.isPlatformAdmin };
});

/** For pages: sends signed-out visitors to /login and account-less admins to /admin. */
export async function requireActor(): Promise<Actor> {
  const actor = await findActor();
  if (actor) return actor;
  const user = await getSessionUser();
  if (user?.isPlatformAdmin) redirect('/admin');
  redirect(user ? '/no-account' : '/login');
}

/** For actions and API routes: same resolution, but as an error instead of a redirect. */
export async function actorOrThrow(): Promise<Actor> {
  const actor = await findActor();
  if (!actor) throw new AppError('UNAUTHENTICATED', { message: 'Sua sessão expirou. Entre novamente.' });
  return actor;
}

export async function isMemberOf(userId: string, accountId: string): Promise<boolean> {
  const rows = await getDb()
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.accountId, accountId)))
    .limit(1);
  return rows.length > 0;
}

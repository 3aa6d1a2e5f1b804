'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALES } from '@/i18n/locales';
import { AppError } from '@/lib/errors';
import { defineAction } from './action';
import { signIn, signOut } from './next-auth';
import { ACCOUNT_COOKIE, getMemberships, getSessionUser } from './session';

export type SignInState = { error?: 'invalid' | 'rateLimited'; email?: string } | null;

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '');
  try {
    await signIn('credentials', { email, password: formData.get('password'), redirectTo: '/' });
    return null;
  } catch (e) {
    unstable_rethrow(e); // the successful sign-in redirects
    if (e instanceof CredentialsSignin && e.code === 'rate_limited') return { error: 'rateLimited', email };
    if (e instanceof AuthError) return { error: 'invalid', email };
    throw e;
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}

const YEAR = 60 * 60 * 24 * 365;

/** Switching checks the membership on the server: a cookie naming another account changes nothing. */
export const switchAccountAction = defineAction(z.object({ accountId: z.uuid() }), async (actor, { accountId }) => {
  const memberships = await getMemberships(actor.userId);
  const target = memberships.find((m) => m.accountId === accountId);
  if (!target) throw new AppError('NOT_FOUND', { message: 'Conta não encontrada.' });
  (await cookies()).set(ACCOUNT_COOKIE, accountId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: YEAR });
  return { name: target.accountName };
});

export async function setLocaleAction(locale: string): Promise<void> {
  const parsed = z.enum(LOCALES).parse(locale);
  (await cookies()).set(LOCALE_COOKIE, parsed, { sameSite: 'lax', path: '/', maxAge: YEAR });
}

/** The signed-in user may land on "/" with no account; send them somewhere useful. */
export async function homePath(): Promise<string> {
  const user = await getSessionUser();
  if (!user) return '/login';
  const memberships = await getMemberships(user.id);
  if (memberships.length > 0) return '/instances';
  return user.isPlatformAdmin ? '/admin' : '/no-account';
}

export async function goHome(): Promise<never> {
  redirect(await homePath());
}

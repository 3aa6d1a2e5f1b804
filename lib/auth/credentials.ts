import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { now } from '@/lib/clock';
import { verifyPassword } from './password';
import { THROTTLE, assertNotThrottled, clearFailures, recordFailure, throttleKeys } from './throttle';

export const signInSchema = z.object({
  email: z.email().transform((e) => e.trim().toLowerCase()),
  password: z.string().min(1),
});

export type SignInResult = { ok: true; user: { id: string; email: string; name: string } } | { ok: false };

/**
 * Checks an email and password, counting failures per email and per IP.
 * Throws AppError RATE_LIMITED while either key is locked (even for the right password).
 */
export async function verifyCredentials(input: unknown, ip: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { email, password } = parsed.data;
  const db = getDb();
  const keys = throttleKeys(email, ip);
  const at = now();
  await assertNotThrottled(db, [keys.email, keys.ip], at);

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = user ? await verifyPassword(user.passwordHash, password) : false;
  if (!user || !valid) {
    await recordFailure(db, keys.email, THROTTLE.emailLimit, at);
    await recordFailure(db, keys.ip, THROTTLE.ipLimit, at);
    return { ok: false };
  }
  await clearFailures(db, keys.email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

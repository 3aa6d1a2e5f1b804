import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';

/** Failed sign-ins allowed per window before the key is locked for the rest of the window. */
export const THROTTLE = { windowMinutes: 15, emailLimit: 5, ipLimit: 20 } as const;

export function throttleKeys(email: string, ip: string) {
  return { email: `email:${email.toLowerCase()}`, ip: `ip:${ip}` };
}

export async function assertNotThrottled(db: Db, keys: string[], at: Date): Promise<void> {
  const rows = await db.execute<{ key: string }>(
    sql`SELECT key FROM sign_in_throttle WHERE key IN ${keys} AND locked_until > ${at.toISOString()}`,
  );
  if (rows.length > 0) {
    throw new AppError('RATE_LIMITED', {
      message: `Muitas tentativas de entrada. Tente novamente em ${THROTTLE.windowMinutes} minutos.`,
    });
  }
}

/** One statement per key: start a new window when the old one ended, else count, and lock at the limit. */
export async function recordFailure(db: Db, key: string, limit: number, at: Date): Promise<void> {
  const atIso = at.toISOString();
  await db.execute(sql`
    INSERT INTO sign_in_throttle AS t (key, failures, window_started_at, locked_until)
    VALUES (${key}, 1, ${atIso}, CASE WHEN 1 >= ${limit} THEN ${atIso}::timestamptz + make_interval(mins => ${THROTTLE.windowMinutes}) END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_started_at <= ${atIso}::timestamptz - make_interval(mins => ${THROTTLE.windowMinutes}) THEN 1 ELSE t.failures + 1 END,
      window_started_at = CASE WHEN t.window_started_at <= ${atIso}::timestamptz - make_interval(mins => ${THROTTLE.windowMinutes}) THEN ${atIso}::timestamptz ELSE t.window_started_at END,
      locked_until = CASE
        WHEN (CASE WHEN t.window_started_at <= ${atIso}::timestamptz - make_interval(mins => ${THROTTLE.windowMinutes}) THEN 1 ELSE t.failures + 1 END) >= ${limit}
        THEN ${atIso}::timestamptz + make_interval(mins => ${THROTTLE.windowMinutes})
        ELSE t.locked_until END`);
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM sign_in_throttle WHERE key = ${key}`);
}

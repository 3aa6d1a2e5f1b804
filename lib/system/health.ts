import { sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { now } from '@/lib/clock';
import { liveWorkers } from './heartbeat';

export type Health =
  | { status: 'ok'; db: 'ok'; workers: { live: number; processes: { id: string; kind: string; lastSeenAt: string }[] } }
  | { status: 'error'; db: 'down'; reason: string };

/** Answers within `timeoutMs` even when the database hangs. */
export async function checkHealth({ db = getDb(), timeoutMs = 2000 }: { db?: Db; timeoutMs?: number } = {}): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const workers = await Promise.race([
      (async () => {
        await db.execute(sql`SELECT 1`);
        return liveWorkers(now(), db);
      })(),
      timeout,
    ]);
    return {
      status: 'ok',
      db: 'ok',
      workers: { live: workers.length, processes: workers.map((w) => ({ id: w.id, kind: w.kind, lastSeenAt: w.lastSeenAt.toISOString() })) },
    };
  } catch (e) {
    return { status: 'error', db: 'down', reason: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

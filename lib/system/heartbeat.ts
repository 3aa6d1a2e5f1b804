import { desc, gt, lt, sql } from 'drizzle-orm';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { getDb, type Db } from '@/db/client';
import { workerHeartbeats } from '@/db/schema';
import { now } from '@/lib/clock';

export const HEARTBEAT_SECONDS = 10;
/** A worker that has not beaten for this long is shown as gone. */
export const HEARTBEAT_STALE_SECONDS = 45;

export interface WorkerIdentity {
  id: string;
  kind: 'web+worker' | 'worker';
  queues: string[];
  startedAt: Date;
}

export function newWorkerIdentity(kind: WorkerIdentity['kind'], queues: string[]): WorkerIdentity {
  return { id: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, kind, queues, startedAt: now() };
}

export async function beat(w: WorkerIdentity): Promise<void> {
  const at = now();
  await getDb()
    .insert(workerHeartbeats)
    .values({ id: w.id, kind: w.kind, hostname: hostname(), pid: process.pid, queues: w.queues, startedAt: w.startedAt, lastSeenAt: at })
    .onConflictDoUpdate({ target: workerHeartbeats.id, set: { lastSeenAt: at } });
}

export async function retire(w: WorkerIdentity): Promise<void> {
  await getDb().delete(workerHeartbeats).where(sql`${workerHeartbeats.id} = ${w.id}`);
}

export async function liveWorkers(at = now(), db: Db = getDb()) {
  return db
    .select()
    .from(workerHeartbeats)
    .where(gt(workerHeartbeats.lastSeenAt, new Date(at.getTime() - HEARTBEAT_STALE_SECONDS * 1000)))
    .orderBy(desc(workerHeartbeats.startedAt));
}

/** Removes the rows of processes that died without retiring (run by the heartbeat job). */
export async function pruneDeadWorkers(at = now()): Promise<number> {
  const gone = await getDb()
    .delete(workerHeartbeats)
    .where(lt(workerHeartbeats.lastSeenAt, new Date(at.getTime() - 3600_000)))
    .returning({ id: workerHeartbeats.id });
  return gone.length;
}

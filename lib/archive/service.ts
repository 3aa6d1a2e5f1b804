import 'server-only';
import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { syncEventStatuses } from '@/lib/events/status-sync';
import { logger } from '@/lib/logger';

/** Removed messages stay recoverable ("Recuperar mensagens") this long, whatever the retention. */
export const REMOVED_KEEP_MS = 48 * 3600_000;
export const ARCHIVE_BATCH = 10_000;

/**
 * One batch's count and the newest time it moved: the next batch starts there (keyset), instead of
 * re-walking the index entries of rows already deleted but not yet vacuumed.
 */
interface Batch {
  n: number;
  last: Date | null;
}

const EPOCH = new Date(0);

export interface ArchiveResult {
  runId: string;
  eventsMoved: number;
  messagesMoved: number;
  durationMs: number;
}

/**
 * Moves one batch of finished events older than the cutoff into events_archive (whole rows as
 * JSON), adding them to the daily rollups, in one statement. SKIP LOCKED keeps it off rows being
 * worked on.
 */
async function archiveEventBatch(cutoff: Date, at: Date, limit: number, from: Date): Promise<Batch> {
  const [result] = await getSql()<Batch[]>`
    WITH batch AS (
      SELECT id FROM events WHERE status NOT IN ('pending', 'pending_delivery') AND received_at < ${cutoff} AND received_at >= ${from}
      ORDER BY received_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ), moved AS (
      -- By primary key (rows of batch are locked): a plan that holds with stale statistics.
      DELETE FROM events e WHERE e.id = ANY(ARRAY(SELECT id FROM batch)) RETURNING e.*
    ), rolled AS (
      INSERT INTO event_daily_rollups (account_id, store_id, day, status, count)
      SELECT account_id, store_id, (received_at AT TIME ZONE 'UTC')::date, status::text, count(*)::int FROM moved GROUP BY 1, 2, 3, 4
      ON CONFLICT (account_id, store_id, day, status) DO UPDATE SET count = event_daily_rollups.count + EXCLUDED.count
    ), archived AS (
      INSERT INTO events_archive (id, account_id, received_at, archived_at, row)
      SELECT id, account_id, received_at, ${at}, to_jsonb(moved) FROM moved RETURNING received_at
    )
    SELECT count(*)::int AS n, max(received_at) AS last FROM archived`;
  return result!;
}

/**
 * Same for finished messages (sent, failed; removed only once older than 48 h), each archived with
 * its attempts, which the same statement deletes (there is no cascade: see message_attempts).
 */
async function archiveMessageBatch(cutoff: Date, at: Date, limit: number, from: Date): Promise<Batch> {
  const removedBefore = new Date(Math.min(cutoff.getTime(), at.getTime() - REMOVED_KEEP_MS));
  const [result] = await getSql()<Batch[]>`
    WITH batch AS (
      SELECT id FROM messages
      WHERE state IN ('sent', 'failed', 'removed') AND enqueued_at < ${cutoff} AND enqueued_at >= ${from}
        AND (state <> 'removed' OR removed_at < ${removedBefore})
      ORDER BY enqueued_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ), moved AS (
      DELETE FROM messages m WHERE m.id = ANY(ARRAY(SELECT id FROM batch)) RETURNING m.*
    ), attempts AS (
      DELETE FROM message_attempts a WHERE a.message_id = ANY(ARRAY(SELECT id FROM batch)) RETURNING a.*
    ), attempts_by_message AS (
      SELECT message_id, jsonb_agg(to_jsonb(attempts) ORDER BY attempt) AS list FROM attempts GROUP BY message_id
    ), archived AS (
      INSERT INTO messages_archive (id, account_id, enqueued_at, archived_at, row)
      SELECT moved.id, moved.account_id, moved.enqueued_at, ${at},
        to_jsonb(moved) || jsonb_build_object('attempts', coalesce(abm.list, '[]'::jsonb))
      FROM moved LEFT JOIN attempts_by_message abm ON abm.message_id = moved.id
      RETURNING enqueued_at
    )
    SELECT count(*)::int AS n, max(enqueued_at) AS last FROM archived`;
  return result!;
}

/** Runs batches, each starting where the last one stopped, until one comes back short. */
async function drain(step: (from: Date) => Promise<Batch>, size: number, moved: (n: number) => void): Promise<void> {
  let from = EPOCH;
  for (;;) {
    const b = await step(from);
    moved(b.n);
    if (b.n < size) return;
    from = b.last ?? from;
  }
}

/**
 * One archiving run (nightly cron or "Arquivar agora"): syncs event statuses, then moves finished
 * events and messages older than POMBO_RETENTION_DAYS in batches, recording the run for /admin.
 */
export async function runArchive(opts: { trigger: 'cron' | 'manual'; at?: Date; retentionDays?: number; batchSize?: number }): Promise<ArchiveResult> {
  const at = opts.at ?? now();
  const cutoff = new Date(at.getTime() - (opts.retentionDays ?? env().POMBO_RETENTION_DAYS) * 86_400_000);
  const batch = opts.batchSize ?? ARCHIVE_BATCH;
  const sql = getSql();
  const started = Date.now();
  const [run] = await sql<{ id: string }[]>`INSERT INTO archive_runs (trigger, cutoff, created_at) VALUES (${opts.trigger}, ${cutoff}, ${at}) RETURNING id`;
  const runId = run!.id;
  let eventsMoved = 0;
  let messagesMoved = 0;
  try {
    await syncEventStatuses(at);
    // Events and messages are independent tables: two lanes, each on its own connection.
    // Both lanes settle before the run is recorded, so its counts are final even when one fails.
    const lanes = await Promise.allSettled([
      drain((from) => archiveEventBatch(cutoff, at, batch, from), batch, (n) => (eventsMoved += n)),
      drain((from) => archiveMessageBatch(cutoff, at, batch, from), batch, (n) => (messagesMoved += n)),
    ]);
    const failed = lanes.find((lane) => lane.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (e) {
    await sql`UPDATE archive_runs SET state = 'failed', error = ${e instanceof Error ? e.message : String(e)}, events_moved = ${eventsMoved},
      messages_moved = ${messagesMoved}, duration_ms = ${Date.now() - started}, finished_at = ${now()} WHERE id = ${runId}`;
    logger.error({ err: e, runId }, 'archiving failed');
    throw e;
  }
  const durationMs = Date.now() - started;
  await sql`UPDATE archive_runs SET state = 'done', events_moved = ${eventsMoved}, messages_moved = ${messagesMoved},
    duration_ms = ${durationMs}, finished_at = ${now()} WHERE id = ${runId}`;
  logger.info({ runId, eventsMoved, messagesMoved, durationMs }, 'archiving done');
  return { runId, eventsMoved, messagesMoved, durationMs };
}

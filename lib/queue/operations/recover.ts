import { RECOVER_WINDOW_MS, nextCursor, type BatchStep } from './types';

/**
 * "Recuperar mensagens": messages removed from this queue in the last 48 hours that still exist
 * (not sent, not archived) go back to waiting. They keep their original `enqueued_at`, so they
 * return to their original places, in their original order. A second run finds nothing left to
 * recover: the operation is idempotent.
 */
export const recoverBatch: BatchStep = async (tx, op, at, batchSize) => {
  const since = new Date(at.getTime() - RECOVER_WINDOW_MS);
  const [row] = await tx<{ scanned: number; recovered: number; last: { at: string; id: string } | null }[]>`
    WITH b AS (
      SELECT id, enqueued_at FROM messages
      WHERE instance_id = ${op.instanceId} AND state = 'removed' AND removed_at >= ${since}
        AND (enqueued_at, id) > (${op.cursor.at}::text::timestamptz, ${op.cursor.id}::uuid)
      ORDER BY enqueued_at, id LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    ),
    -- Rows of b are locked (their state cannot change): by primary key alone, a plan that holds even
    -- when statistics are stale, as they are right after a big operation.
    u AS (
      UPDATE messages m SET state = 'queued', recovered_at = ${at}
      WHERE m.id = ANY(ARRAY(SELECT id FROM b))
      RETURNING m.id
    )
    SELECT (SELECT count(*) FROM b)::int AS scanned, (SELECT count(*) FROM u)::int AS recovered,
           (SELECT json_build_object('at', enqueued_at, 'id', id) FROM b ORDER BY enqueued_at DESC, id DESC LIMIT 1) AS last`;
  return { scanned: row!.scanned, counts: { recovered: row!.recovered }, cursor: nextCursor(row!.last ?? undefined, op.cursor) };
};

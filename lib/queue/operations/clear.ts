import { nextCursor, type BatchStep } from './types';

/**
 * "Limpar fila": the next batch of waiting messages (oldest first, entered before the request)
 * becomes `removed`, recording who, when and why. A message being sent is `processing`, or locked
 * by its claim, and is never touched: it finishes.
 */
export const clearBatch: BatchStep = async (tx, op, at, batchSize) => {
  const [row] = await tx<{ scanned: number; removed: number; last: { at: string; id: string } | null }[]>`
    WITH b AS (
      SELECT id, enqueued_at FROM messages
      WHERE instance_id = ${op.instanceId} AND state = 'queued'
        AND (enqueued_at, id) > (${op.cursor.at}::text::timestamptz, ${op.cursor.id}::uuid)
        AND enqueued_at <= ${op.createdAt}
      ORDER BY enqueued_at, id LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    ),
    -- Rows of b are locked (their state cannot change): by primary key alone, a plan that holds even
    -- when statistics are stale, as they are right after a big operation.
    u AS (
      UPDATE messages m SET state = 'removed', removed_at = ${at}, removed_by = ${op.requestedBy}, removed_reason = 'clear'
      WHERE m.id = ANY(ARRAY(SELECT id FROM b))
      RETURNING m.id
    )
    SELECT (SELECT count(*) FROM b)::int AS scanned, (SELECT count(*) FROM u)::int AS removed,
           (SELECT json_build_object('at', enqueued_at, 'id', id) FROM b ORDER BY enqueued_at DESC, id DESC LIMIT 1) AS last`;
  return { scanned: row!.scanned, counts: { removed: row!.removed }, cursor: nextCursor(row!.last ?? undefined, op.cursor) };
};

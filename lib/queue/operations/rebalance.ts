import { nextCursor, type BatchStep, type OperationCursor } from './types';

interface Row {
  scanned: number;
  moved: number;
  last: { at: string; id: string } | null;
  offsets: { store: string; instance: string; slot: number }[] | null;
  perInstance: { instance: string; n: number }[] | null;
}

/**
 * "Rebalancear fila". Each target instance j (connected, unpaused, serving the message's store —
 * this instance included when it qualifies) sends its n-th message at virtual time n × interval_j.
 * Merging those slot sequences by time and handing them out to the store's waiting messages in
 * order gives each instance a share proportional to its rate and keeps the order: the k-th message
 * gets the k-th earliest slot. Batches continue the merge from the last slot each instance got
 * (`offsets`), so a million messages move in bounded transactions with progress. Messages with no
 * store, or whose store no eligible instance serves, stay where they are.
 */
export const rebalanceBatch: BatchStep = async (tx, op, at, batchSize) => {
  const [row] = await tx<Row[]>`
    WITH b AS (
      SELECT id, store_id, enqueued_at FROM messages
      WHERE instance_id = ${op.instanceId} AND state = 'queued'
        AND (enqueued_at, id) > (${op.cursor.at}::text::timestamptz, ${op.cursor.id}::uuid)
      ORDER BY enqueued_at, id LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    ),
    ranked AS (
      SELECT id, store_id, row_number() OVER (PARTITION BY store_id ORDER BY enqueued_at, id) AS k
      FROM b WHERE store_id IS NOT NULL
    ),
    need AS (SELECT store_id, count(*) AS n FROM ranked GROUP BY store_id),
    targets AS (
      SELECT s.store_id, i.id AS instance_id, i.send_interval_ms::numeric AS iv, n.n,
             coalesce((${JSON.stringify(op.cursor.offsets ?? {})}::jsonb -> s.store_id::text ->> i.id::text)::bigint, 0) AS base
      FROM need n
      JOIN instance_stores s ON s.store_id = n.store_id
      JOIN instances i ON i.id = s.instance_id
      WHERE i.account_id = ${op.accountId} AND i.status = 'connected' AND NOT i.paused AND i.deleted_at IS NULL
    ),
    shaped AS (
      SELECT t.*, sum(1000.0 / t.iv) OVER w AS total_rate, count(*) OVER w AS m
      FROM targets t WINDOW w AS (PARTITION BY t.store_id)
    ),
    slots AS (
      SELECT sh.store_id, sh.instance_id, g.slot,
             row_number() OVER (PARTITION BY sh.store_id ORDER BY g.slot * sh.iv, sh.instance_id) AS k
      FROM shaped sh
      CROSS JOIN LATERAL generate_series(
        sh.base + 1,
        sh.base + ceil((sh.n + sh.m) * (1000.0 / sh.iv) / sh.total_rate)::bigint + 2
      ) AS g(slot)
    ),
    assigned AS (
      SELECT r.id, s.store_id, s.instance_id, s.slot
      FROM ranked r JOIN slots s ON s.store_id = r.store_id AND s.k = r.k
    ),
    -- Rows of b are locked, so their state cannot change: the update goes by id alone. The moves
    -- travel as two arrays unnested in step, so the planner probes the primary key per row instead
    -- of hashing the whole table (it cannot estimate how many rows generate_series made).
    moving AS (
      SELECT array_agg(id) AS ids, array_agg(instance_id) AS targets FROM assigned WHERE instance_id <> ${op.instanceId}
    ),
    moved AS (
      UPDATE messages m SET instance_id = a.instance_id, moved_at = ${at}, moved_from_instance_id = ${op.instanceId}
      FROM moving, unnest(moving.ids, moving.targets) AS a(id, instance_id)
      WHERE m.id = a.id
      RETURNING m.instance_id
    )
    SELECT
      (SELECT count(*) FROM b)::int AS scanned,
      (SELECT count(*) FROM moved)::int AS moved,
      (SELECT json_build_object('at', enqueued_at, 'id', id) FROM b ORDER BY enqueued_at DESC, id DESC LIMIT 1) AS last,
      (SELECT json_agg(json_build_object('store', store_id, 'instance', instance_id, 'slot', slot))
         FROM (SELECT store_id, instance_id, max(slot) AS slot FROM assigned GROUP BY 1, 2) x) AS offsets,
      (SELECT json_agg(json_build_object('instance', instance_id, 'n', n))
         FROM (SELECT instance_id, count(*)::int AS n FROM moved GROUP BY 1) y) AS "perInstance"`;
  const r = row!;
  const offsets: NonNullable<OperationCursor['offsets']> = structuredClone(op.cursor.offsets ?? {});
  for (const o of r.offsets ?? []) (offsets[o.store] ??= {})[o.instance] = Number(o.slot);
  const counts: Record<string, number> = { moved: r.moved, kept: r.scanned - r.moved };
  for (const p of r.perInstance ?? []) counts[`to:${p.instance}`] = p.n;
  return { scanned: r.scanned, counts, cursor: { ...nextCursor(r.last ?? undefined, op.cursor), offsets } };
};

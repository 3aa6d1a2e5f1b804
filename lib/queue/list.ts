import 'server-only';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getInstanceOrThrow } from '@/lib/instances/queries';
import { decodeCursor, encodeCursor } from './cursor';
import type { MessageState, QueueFilter } from './states';

export interface QueueRow {
  id: string;
  storeId: string | null;
  storeName: string | null;
  recipient: string;
  sourceKind: 'event' | 'send' | 'test';
  sourceLabel: string;
  enqueuedAt: Date;
  availableAt: Date;
  state: MessageState;
  attempts: number;
  lastError: string | null;
}

export interface QueuePage {
  rows: QueueRow[];
  next: string | null;
  prev: string | null;
}

export const PAGE_SIZE = 50;

/**
 * The "Fila de envios" list, oldest first. Waiting messages page by keyset on
 * (enqueued_at, id) over messages_queue_idx, so page 20,000 costs what page 1 costs; the message
 * being sent (at most one per instance) heads the first page under "Processando" / "Todos".
 */
export async function listQueue(
  actor: Actor,
  instanceId: string,
  opts: { filter: QueueFilter; q?: string; after?: string; before?: string; limit?: number },
): Promise<QueuePage> {
  assertCan(actor, 'viewAccount');
  await getInstanceOrThrow(actor.accountId, instanceId);
  const sql = getSql();
  const limit = opts.limit ?? PAGE_SIZE;
  const digits = (opts.q ?? '').replace(/\D/g, '');
  const search = digits ? sql`AND m.recipient LIKE ${`%${digits}%`}` : sql``;
  const after = decodeCursor(opts.after);
  const before = after ? null : decodeCursor(opts.before);
  const columns = sql`
    m.id, m.store_id AS "storeId", s.name AS "storeName", m.recipient, m.source_kind AS "sourceKind", m.source_label AS "sourceLabel",
    m.enqueued_at AS "enqueuedAt", m.available_at AS "availableAt", m.state, m.attempts, m.last_error AS "lastError"`;

  const processing =
    opts.filter !== 'queued' && !after && !before
      ? await sql<QueueRow[]>`
          SELECT ${columns} FROM messages m LEFT JOIN stores s ON s.id = m.store_id
          WHERE m.instance_id = ${instanceId} AND m.state = 'processing' ${search} ORDER BY m.claimed_at, m.id`
      : [];
  if (opts.filter === 'processing') return { rows: processing, next: null, prev: null };

  // A JS Date keeps milliseconds, enqueued_at microseconds (a send's generation spaces rows by 1 µs):
  // the cursor row's own stored time, read once by primary key, keeps the keyset exact.
  const exact = (c: { at: Date; id: string }) => sql`coalesce((SELECT enqueued_at FROM messages WHERE id = ${c.id}::uuid), ${c.at})`;
  const keyset = after
    ? sql`AND (m.enqueued_at, m.id) > (${exact(after)}, ${after.id}::uuid)`
    : before
      ? sql`AND (m.enqueued_at, m.id) < (${exact(before)}, ${before.id}::uuid)`
      : sql``;
  const direction = before ? sql`DESC` : sql`ASC`;
  const fetched = await sql<QueueRow[]>`
    SELECT ${columns} FROM messages m LEFT JOIN stores s ON s.id = m.store_id
    WHERE m.instance_id = ${instanceId} AND m.state = 'queued' ${keyset} ${search}
    ORDER BY m.enqueued_at ${direction}, m.id ${direction}
    LIMIT ${limit + 1}`;
  const more = fetched.length > limit;
  const page = fetched.slice(0, limit);
  if (before) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const cursorOf = (r: QueueRow | undefined) => (r ? encodeCursor({ at: r.enqueuedAt, id: r.id }) : null);
  return {
    rows: [...processing, ...page],
    next: before ? cursorOf(last) : more ? cursorOf(last) : null,
    prev: before ? (more ? cursorOf(first) : null) : after ? cursorOf(first) : null,
  };
}

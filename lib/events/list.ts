import 'server-only';
import { z } from 'zod';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { decodeCursor, encodeCursor } from '@/lib/queue/cursor';
import { EVENT_STATUSES, type EventStatus } from './schemas';

export const PERIODS = ['24h', '7d', '30d', 'all'] as const;
const PERIOD_MS: Record<(typeof PERIODS)[number], number | null> = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, all: null };

/** The /events filters, from the URL; anything malformed falls back to "all" for that filter. */
export const eventFiltersSchema = z.object({
  status: z.enum(EVENT_STATUSES).optional().catch(undefined),
  type: z.string().trim().max(100).optional().catch(undefined),
  store: z.uuid().optional().catch(undefined),
  period: z.enum(PERIODS).default('7d').catch('7d'),
  after: z.string().max(200).optional().catch(undefined),
});
export type EventFilters = z.output<typeof eventFiltersSchema>;

export interface EventListRow {
  id: string;
  externalId: string;
  type: string;
  status: EventStatus;
  statusReason: string | null;
  storeId: string;
  storeName: string;
  contactPhone: string;
  contactName: string | null;
  receivedAt: Date;
  instanceId: string | null;
  messageId: string | null;
}

export const EVENTS_PAGE_SIZE = 50;

/**
 * Events newest first, keyset-paged on (received_at, id) over events_list_idx, with the count per
 * status under the same filters (status aside) for the summary cards.
 */
export async function listEvents(actor: Actor, filters: EventFilters, limit = EVENTS_PAGE_SIZE) {
  assertCan(actor, 'viewAccount');
  const sql = getSql();
  const span = PERIOD_MS[filters.period];
  const where = sql`
    e.account_id = ${actor.accountId}
    ${span ? sql`AND e.received_at >= ${new Date(now().getTime() - span)}` : sql``}
    ${filters.type ? sql`AND e.type = ${filters.type}` : sql``}
    ${filters.store ? sql`AND e.store_id = ${filters.store}` : sql``}`;
  const cursor = decodeCursor(filters.after);
  const [rows, counts] = await Promise.all([
    sql<EventListRow[]>`
      SELECT e.id, e.external_id AS "externalId", e.type, e.status, e.status_reason AS "statusReason", e.store_id AS "storeId",
        s.name AS "storeName", e.contact_phone AS "contactPhone", e.contact_name AS "contactName", e.received_at AS "receivedAt",
        e.instance_id AS "instanceId", e.message_id AS "messageId"
      FROM events e JOIN stores s ON s.id = e.store_id
      WHERE ${where} ${filters.status ? sql`AND e.status = ${filters.status}` : sql``}
        ${cursor ? sql`AND (e.received_at, e.id) < (${cursor.at}, ${cursor.id})` : sql``}
      ORDER BY e.received_at DESC, e.id DESC LIMIT ${limit + 1}`,
    sql<{ status: EventStatus; n: number }[]>`SELECT e.status, count(*)::int AS n FROM events e WHERE ${where} GROUP BY e.status`,
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    next: rows.length > limit && last ? encodeCursor({ at: last.receivedAt, id: last.id }) : null,
    counts: Object.fromEntries(EVENT_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?.n ?? 0])) as Record<EventStatus, number>,
  };
}

/** The store page's "Eventos recentes". */
export async function recentStoreEvents(actor: Actor, storeId: string, limit = 10): Promise<EventListRow[]> {
  return (await listEvents(actor, { store: storeId, period: 'all' }, limit)).rows;
}

/** Event types seen recently, for the type filter. */
export async function recentEventTypes(actor: Actor): Promise<string[]> {
  assertCan(actor, 'viewAccount');
  const rows = await getSql()<{ type: string }[]>`
    SELECT DISTINCT type FROM (SELECT type FROM events WHERE account_id = ${actor.accountId} ORDER BY received_at DESC LIMIT 5000) r ORDER BY type`;
  return rows.map((r) => r.type);
}

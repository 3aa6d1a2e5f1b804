import 'server-only';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { mask, unseal } from '@/lib/crypto';
import { notFound } from '@/lib/errors';
import { decodeCursor, encodeCursor } from '@/lib/queue/cursor';
import type { DestinationKind, ListFilters } from './schemas';
import { CONVERSION_STATUSES, type ConversionStatus } from './states';

export const PAGE_SIZE = 50;

export interface DestinationRow {
  id: string;
  storeId: string;
  kind: DestinationKind;
  name: string;
  config: Record<string, unknown>;
  mappings: { storeEventType: string; eventName: string }[];
  active: boolean;
  /** Only the last four characters. */
  maskedSecret: string | null;
}

const DESTINATION_COLUMNS = 'id, store_id AS "storeId", kind, name, config, mappings, active, secret';

function toDestinationRow(row: DestinationRow & { secret: string | null }): DestinationRow {
  const { secret, ...rest } = row;
  return { ...rest, maskedSecret: secret ? mask(unseal(secret)) : null };
}

export async function getDestinationOrThrow(accountId: string, id: string): Promise<DestinationRow> {
  const [row] = await getSql()<(DestinationRow & { secret: string | null })[]>`
    SELECT ${getSql().unsafe(DESTINATION_COLUMNS)} FROM conversion_destinations WHERE id = ${id} AND account_id = ${accountId}`;
  if (!row) throw notFound('Destino de conversão');
  return toDestinationRow(row);
}

export async function listStoreDestinations(actor: Actor, storeId: string): Promise<DestinationRow[]> {
  assertCan(actor, 'viewAccount');
  const rows = await getSql()<(DestinationRow & { secret: string | null })[]>`
    SELECT ${getSql().unsafe(DESTINATION_COLUMNS)} FROM conversion_destinations
    WHERE account_id = ${actor.accountId} AND store_id = ${storeId} ORDER BY name, id`;
  return rows.map(toDestinationRow);
}

/** The filter choices: every destination (with its store) and store of the account. */
export async function listFilterOptions(actor: Actor) {
  assertCan(actor, 'viewAccount');
  const sql = getSql();
  const [destinations, stores] = await Promise.all([
    sql<{ id: string; name: string; storeName: string }[]>`
      SELECT d.id, d.name, s.name AS "storeName" FROM conversion_destinations d JOIN stores s ON s.id = d.store_id
      WHERE d.account_id = ${actor.accountId} ORDER BY s.name, d.name, d.id`,
    sql<{ id: string; name: string }[]>`SELECT id, name FROM stores WHERE account_id = ${actor.accountId} ORDER BY name, id`,
  ]);
  return { destinations, stores };
}

/** Period bounds: whole days, `to` inclusive. */
function conditions(actor: Actor, f: Omit<ListFilters, 'cursor'>) {
  const sql = getSql();
  const to = f.to ? new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) : null;
  return sql`e.account_id = ${actor.accountId}
    ${f.destinationId ? sql`AND e.destination_id = ${f.destinationId}` : sql``}
    ${f.storeId ? sql`AND e.store_id = ${f.storeId}` : sql``}
    ${f.from ? sql`AND e.created_at >= ${new Date(`${f.from}T00:00:00Z`)}` : sql``}
    ${to ? sql`AND e.created_at < ${to}` : sql``}`;
}

/** Counts per status under the same filters as the list (without the status filter). */
export async function countByStatus(actor: Actor, f: Omit<ListFilters, 'cursor'>): Promise<Record<ConversionStatus, number>> {
  assertCan(actor, 'viewAccount');
  const rows = await getSql()<{ status: ConversionStatus; n: number }[]>`
    SELECT e.status, count(*)::int AS n FROM conversion_events e WHERE ${conditions(actor, f)} GROUP BY e.status`;
  const out = Object.fromEntries(CONVERSION_STATUSES.map((s) => [s, 0])) as Record<ConversionStatus, number>;
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export interface ConversionListRow {
  id: string;
  externalId: string;
  eventName: string;
  eventTime: Date;
  status: ConversionStatus;
  attempts: number;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  lastError: string | null;
  failureReason: string | null;
  createdAt: Date;
  destinationName: string;
  destinationKind: DestinationKind;
  storeName: string;
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listConversions(actor: Actor, f: ListFilters): Promise<{ rows: ConversionListRow[]; nextCursor: string | null }> {
  assertCan(actor, 'viewAccount');
  const sql = getSql();
  const cursor = decodeCursor(f.cursor);
  const rows = await sql<ConversionListRow[]>`
    SELECT e.id, e.external_id AS "externalId", e.event_name AS "eventName", e.event_time AS "eventTime", e.status, e.attempts,
      e.last_attempt_at AS "lastAttemptAt", e.next_attempt_at AS "nextAttemptAt", e.last_error AS "lastError",
      e.failure_reason AS "failureReason", e.created_at AS "createdAt", d.name AS "destinationName", d.kind AS "destinationKind", s.name AS "storeName"
    FROM conversion_events e
    JOIN conversion_destinations d ON d.id = e.destination_id
    JOIN stores s ON s.id = e.store_id
    WHERE ${conditions(actor, f)}
      ${f.status ? sql`AND e.status = ${f.status}` : sql``}
      ${cursor ? sql`AND (e.created_at, e.id) < (${cursor.at}, ${cursor.id})` : sql``}
    ORDER BY e.created_at DESC, e.id DESC
    LIMIT ${PAGE_SIZE + 1}`;
  const more = rows.length > PAGE_SIZE;
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return { rows: page, nextCursor: more && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}

export interface ConversionAttemptRow {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  outcome: string;
  httpStatus: number | null;
  error: string | null;
  manual: boolean;
}

/** One event with every attempt; another tenant's id is not found. */
export async function getConversionDetail(actor: Actor, id: string) {
  assertCan(actor, 'viewAccount');
  const sql = getSql();
  const [event] = await sql<(ConversionListRow & { eventId: string; userData: Record<string, unknown>; customData: Record<string, unknown>; finishedAt: Date | null })[]>`
    SELECT e.id, e.external_id AS "externalId", e.event_id AS "eventId", e.event_name AS "eventName", e.event_time AS "eventTime", e.status, e.attempts,
      e.last_attempt_at AS "lastAttemptAt", e.next_attempt_at AS "nextAttemptAt", e.last_error AS "lastError", e.failure_reason AS "failureReason",
      e.created_at AS "createdAt", e.finished_at AS "finishedAt", e.user_data AS "userData", e.custom_data AS "customData",
      d.name AS "destinationName", d.kind AS "destinationKind", s.name AS "storeName"
    FROM conversion_events e
    JOIN conversion_destinations d ON d.id = e.destination_id
    JOIN stores s ON s.id = e.store_id
    WHERE e.id = ${id} AND e.account_id = ${actor.accountId}`;
  if (!event) throw notFound('Evento de conversão');
  const attempts = await sql<ConversionAttemptRow[]>`
    SELECT attempt, started_at AS "startedAt", duration_ms AS "durationMs", outcome, http_status AS "httpStatus", error, manual
    FROM conversion_attempts WHERE event_id = ${id} ORDER BY attempt`;
  return { event, attempts };
}

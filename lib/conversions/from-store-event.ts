import 'server-only';
import type { Sql, TransactionSql } from 'postgres';
import { getSql } from '@/db/client';
import { ingestConversions } from './ingest';
import type { ConversionInput } from './schemas';
import { wakeDelivery } from './wake';

/** A store event as lib/events processes it (its row's columns). */
export interface StoreEventLike {
  account_id: string;
  store_id: string;
  external_id: string;
  type: string;
  occurred_at: Date;
  contact_phone: string;
  contact_email: string | null;
  data: Record<string, unknown>;
}

const pick = (data: Record<string, unknown>, paths: string[][]): unknown => {
  for (const path of paths) {
    let v: unknown = data;
    for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
};

/** value and currency from the usual places of an order payload (data.value, data.total, data.order.total…). */
function customDataOf(data: Record<string, unknown>): Record<string, unknown> {
  const value = Number(pick(data, [['value'], ['total'], ['order', 'total'], ['order', 'value']]));
  const currency = pick(data, [['currency'], ['order', 'currency']]);
  return Number.isFinite(value) ? { value, currency: typeof currency === 'string' ? currency.toUpperCase() : 'BRL' } : {};
}

/**
 * The hook lib/events calls for each processed chunk: every store event whose type a destination
 * of its store maps (e.g. order.paid → Purchase) becomes a conversion event for that destination,
 * idempotent on the store event's externalId. Returns how many conversions it created.
 */
export async function conversionsFromStoreEvents(events: StoreEventLike[], sql: Sql | TransactionSql = getSql()): Promise<number> {
  if (events.length === 0) return 0;
  const stores = [...new Set(events.map((e) => e.store_id))];
  const destinations = await sql<{ id: string; storeId: string; mappings: { storeEventType: string; eventName: string }[] }[]>`
    SELECT id, store_id AS "storeId", mappings FROM conversion_destinations
    WHERE active AND store_id = ANY(${stores}::uuid[]) AND jsonb_array_length(mappings) > 0`;
  let created = 0;
  const woken: string[] = [];
  for (const d of destinations) {
    for (const m of d.mappings) {
      const matching = events.filter((e) => e.store_id === d.storeId && e.type === m.storeEventType);
      if (matching.length === 0) continue;
      const inputs: ConversionInput[] = matching.map((e) => ({
        externalId: `event:${e.external_id}`,
        eventId: e.external_id,
        eventName: m.eventName,
        eventTime: e.occurred_at,
        actionSource: 'website',
        user: { phone: e.contact_phone, ...(e.contact_email ? { email: e.contact_email } : {}) },
        customData: customDataOf(e.data),
      }));
      const result = await ingestConversions({ accountId: matching[0]!.account_id, storeId: d.storeId, destinationIds: [d.id] }, inputs, sql);
      created += result.created;
      if (result.created > 0) woken.push(d.id);
    }
  }
  wakeDelivery(woken);
  return created;
}

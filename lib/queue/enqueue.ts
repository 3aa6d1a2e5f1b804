import type { Sql, TransactionSql } from 'postgres';
import { getSql } from '@/db/client';
import { now } from '@/lib/clock';

/** The channel every dispatcher LISTENs on; a NOTIFY wakes them at once instead of at the next tick. */
export const WAKE_CHANNEL = 'pombo_queue';

export interface NewMessage {
  accountId: string;
  instanceId: string;
  storeId: string | null;
  recipient: string;
  body: string;
  sourceKind: 'event' | 'send' | 'test';
  sourceLabel: string;
  sourceId?: string | null;
  payload?: unknown;
}

type Runner = Sql | TransactionSql;

/**
 * Puts messages at the end of their instances' queues (one multi-row INSERT per 1,000) and wakes the
 * dispatchers. Inside a transaction the wake-up is delivered at commit, never before the rows exist.
 */
export async function enqueueMessages(messages: NewMessage[], opts: { at?: Date; sql?: Runner } = {}): Promise<string[]> {
  if (messages.length === 0) return [];
  const run = opts.sql ?? getSql();
  const at = opts.at ?? now();
  const ids: string[] = [];
  for (let i = 0; i < messages.length; i += 1000) {
    const rows = messages.slice(i, i + 1000).map((m) => ({
      account_id: m.accountId,
      instance_id: m.instanceId,
      store_id: m.storeId,
      recipient: m.recipient,
      body: m.body,
      source_kind: m.sourceKind,
      source_label: m.sourceLabel,
      source_id: m.sourceId ?? null,
      payload: m.payload === undefined ? null : JSON.stringify(m.payload),
      enqueued_at: at,
      available_at: at,
    }));
    const inserted = await run<{ id: string }[]>`INSERT INTO messages ${run(rows)} RETURNING id`;
    ids.push(...inserted.map((r) => r.id));
  }
  await wakeDispatchers(run);
  return ids;
}

export async function wakeDispatchers(run: Runner = getSql()): Promise<void> {
  await run`SELECT pg_notify(${WAKE_CHANNEL}, '')`;
}

/**
 * The store's instance that will drain soonest (interval × queue size), among the connected,
 * unpaused instances serving it; null when none can send for it.
 */
export async function soonestInstanceForStore(accountId: string, storeId: string, run: Runner = getSql()): Promise<string | null> {
  const [row] = await run<{ id: string }[]>`
    SELECT i.id FROM instances i JOIN instance_stores s ON s.instance_id = i.id
    WHERE s.store_id = ${storeId} AND i.account_id = ${accountId}
      AND i.deleted_at IS NULL AND i.status = 'connected' AND NOT i.paused
    ORDER BY i.send_interval_ms::bigint * (i.queued_count + 1), i.id
    LIMIT 1`;
  return row?.id ?? null;
}

import { getSql } from '@/db/client';
import { seal } from '@/lib/crypto';
import type { ProviderKind } from '@/lib/providers/types';
import { enqueueMessages } from '@/lib/queue/enqueue';

/**
 * Queue fixtures. Time-based tests run their clock in 2100 and create instances whose next send
 * is then, so a worker process another test starts (real clock) never finds them due.
 */
export const T0 = new Date('2100-03-10T12:00:00.000Z');

export interface InstanceOptions {
  name?: string;
  provider?: ProviderKind;
  config?: Record<string, unknown>;
  secret?: string | null;
  intervalMs?: number;
  dailyLimit?: number | null;
  status?: 'connected' | 'disconnected';
  paused?: boolean;
  nextSendAt?: Date;
  storeIds?: string[];
}

export async function makeInstance(accountId: string, o: InstanceOptions = {}): Promise<string> {
  const sql = getSql();
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO instances (account_id, name, phone_number, provider, provider_config, provider_secret, send_interval_ms, daily_limit, status, paused, next_send_at)
    VALUES (${accountId}, ${o.name ?? 'Instância'}, '5511999990000', ${o.provider ?? 'sandbox'},
            ${JSON.stringify(o.config ?? { receiptDelayMs: null })}::jsonb, ${o.secret ? seal(o.secret) : null},
            ${o.intervalMs ?? 1000}, ${o.dailyLimit ?? null}, ${o.status ?? 'connected'}, ${o.paused ?? false}, ${o.nextSendAt ?? T0})
    RETURNING id`;
  for (const storeId of o.storeIds ?? []) await linkStore(row!.id, storeId);
  return row!.id;
}

export async function makeStore(accountId: string, name = 'Loja'): Promise<string> {
  const [row] = await getSql()<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${accountId}, ${name}) RETURNING id`;
  return row!.id;
}

export async function linkStore(instanceId: string, storeId: string): Promise<void> {
  await getSql()`INSERT INTO instance_stores (instance_id, store_id) VALUES (${instanceId}, ${storeId}) ON CONFLICT DO NOTHING`;
}

/** `count` messages, one millisecond apart from `at` (so their order is their number), recipients 5511900000000 + i. */
export async function enqueue(
  accountId: string,
  instanceId: string,
  count: number,
  opts: { at?: Date; storeId?: string | null; storeIds?: string[]; start?: number } = {},
): Promise<string[]> {
  const at = opts.at ?? T0;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = (opts.start ?? 0) + i;
    const storeId = opts.storeIds ? opts.storeIds[i % opts.storeIds.length]! : (opts.storeId ?? null);
    const [id] = await enqueueMessages(
      [{ accountId, instanceId, storeId, recipient: String(5511900000000 + n), body: `Mensagem ${n}`, sourceKind: 'test', sourceLabel: 'Teste' }],
      { at: new Date(at.getTime() + i) },
    );
    ids.push(id!);
  }
  return ids;
}

export interface MessageRow {
  id: string;
  state: string;
  attempts: number;
  instanceId: string;
  storeId: string | null;
  enqueuedAt: Date;
  availableAt: Date;
  sentAt: Date | null;
  claimedAt: Date | null;
  lastError: string | null;
  deliveryStatus: string | null;
}

export async function messagesOf(instanceId: string): Promise<MessageRow[]> {
  return getSql()<MessageRow[]>`
    SELECT id, state, attempts, instance_id AS "instanceId", store_id AS "storeId", enqueued_at AS "enqueuedAt", available_at AS "availableAt",
           sent_at AS "sentAt", claimed_at AS "claimedAt", last_error AS "lastError", delivery_status AS "deliveryStatus"
    FROM messages WHERE instance_id = ${instanceId} ORDER BY enqueued_at, id`;
}

export async function message(id: string): Promise<MessageRow> {
  const [row] = await getSql()<MessageRow[]>`
    SELECT id, state, attempts, instance_id AS "instanceId", store_id AS "storeId", enqueued_at AS "enqueuedAt", available_at AS "availableAt",
           sent_at AS "sentAt", claimed_at AS "claimedAt", last_error AS "lastError", delivery_status AS "deliveryStatus"
    FROM messages WHERE id = ${id}`;
  return row!;
}

/** The kept counter next to a fresh count, to check the triggers. */
export async function queuedCounts(instanceId: string): Promise<{ kept: number; actual: number }> {
  const [row] = await getSql()<{ kept: number; actual: number }[]>`
    SELECT queued_count AS kept, (SELECT count(*)::int FROM messages WHERE instance_id = ${instanceId} AND state = 'queued') AS actual
    FROM instances WHERE id = ${instanceId}`;
  return row!;
}

export async function instanceRow(id: string) {
  const [row] = await getSql()<{ status: string; statusReason: string | null; nextSendAt: Date; inFlight: string | null; secret: string | null }[]>`
    SELECT status, status_reason AS "statusReason", next_send_at AS "nextSendAt", in_flight_message_id AS "inFlight", provider_secret AS secret
    FROM instances WHERE id = ${id}`;
  return row!;
}

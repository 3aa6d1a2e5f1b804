import 'server-only';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { mask, unseal } from '@/lib/crypto';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import type { ProviderKind } from '@/lib/providers/types';
import { dayKey, nextReset } from '@/lib/queue/day-window';

export interface InstanceRow {
  id: string;
  accountId: string;
  name: string;
  phoneNumber: string;
  provider: ProviderKind;
  providerConfig: Record<string, unknown>;
  providerSecret: string | null;
  sendIntervalMs: number;
  dailyLimit: number | null;
  status: 'connected' | 'disconnected';
  statusReason: string | null;
  paused: boolean;
  queuedCount: number;
  inFlight: boolean;
  sentToday: number;
}

function today(): string {
  return dayKey(now(), env().POMBO_DAILY_RESET_UTC_HOUR);
}

/** Every live instance of the account (or one of them), with today's count from the daily rollup. */
async function selectInstances(accountId: string, id?: string): Promise<InstanceRow[]> {
  return getSql()<InstanceRow[]>`
    SELECT i.id, i.account_id AS "accountId", i.name, i.phone_number AS "phoneNumber", i.provider,
           i.provider_config AS "providerConfig", i.provider_secret AS "providerSecret",
           i.send_interval_ms AS "sendIntervalMs", i.daily_limit AS "dailyLimit", i.status,
           i.status_reason AS "statusReason", i.paused, i.queued_count AS "queuedCount",
           (i.in_flight_message_id IS NOT NULL) AS "inFlight", coalesce(d.sent, 0) AS "sentToday"
    FROM instances i
    LEFT JOIN instance_daily_stats d ON d.instance_id = i.id AND d.day = ${today()}
    WHERE i.account_id = ${accountId} AND i.deleted_at IS NULL ${id ? getSql()`AND i.id = ${id}` : getSql()``}
    ORDER BY i.name, i.id`;
}

/** Another tenant's (or a deleted) instance is simply not found. */
export async function getInstanceOrThrow(accountId: string, id: string): Promise<InstanceRow> {
  const [row] = await selectInstances(accountId, id);
  if (!row) throw notFound('Instância');
  return row;
}

export async function listInstances(actor: Actor) {
  assertCan(actor, 'viewAccount');
  const rows = await selectInstances(actor.accountId);
  return rows.map(({ providerSecret: _secret, ...r }) => r);
}

/** The instance page: everything but the secret, which is only shown masked. */
export async function getInstanceDetail(actor: Actor, id: string) {
  assertCan(actor, 'viewAccount');
  const { providerSecret, ...instance } = await getInstanceOrThrow(actor.accountId, id);
  const stores = await getSql()<{ id: string; name: string }[]>`
    SELECT s.id, s.name FROM instance_stores x JOIN stores s ON s.id = x.store_id
    WHERE x.instance_id = ${id} AND s.account_id = ${actor.accountId} ORDER BY s.name`;
  let secretMasked: string | null = null;
  if (providerSecret) {
    try {
      secretMasked = mask(unseal(providerSecret));
    } catch {
      secretMasked = '••••••';
    }
  }
  return { ...instance, secretMasked, stores, nextReset: nextReset(now(), env().POMBO_DAILY_RESET_UTC_HOUR) };
}

import 'server-only';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';

export interface StoreRow {
  id: string;
  name: string;
  createdAt: Date;
}

export async function getStoreOrThrow(accountId: string, id: string): Promise<StoreRow> {
  const [row] = await getSql()<StoreRow[]>`SELECT id, name, created_at AS "createdAt" FROM stores WHERE id = ${id} AND account_id = ${accountId}`;
  if (!row) throw notFound('Loja');
  return row;
}

/** Stores with how many instances serve them and how many messages wait on those instances. */
export async function listStores(actor: Actor) {
  assertCan(actor, 'viewAccount');
  return getSql()<(StoreRow & { instances: number; queued: number })[]>`
    SELECT s.id, s.name, s.created_at AS "createdAt", count(i.id)::int AS instances, coalesce(sum(i.queued_count), 0)::int AS queued
    FROM stores s
    LEFT JOIN instance_stores x ON x.store_id = s.id
    LEFT JOIN instances i ON i.id = x.instance_id AND i.deleted_at IS NULL
    WHERE s.account_id = ${actor.accountId}
    GROUP BY s.id ORDER BY s.name, s.id`;
}

/** The store page: its instances with their queue sizes, and the account's other instances to connect. */
export async function getStoreDetail(actor: Actor, id: string) {
  assertCan(actor, 'viewAccount');
  const store = await getStoreOrThrow(actor.accountId, id);
  const instances = await getSql()<
    { id: string; name: string; phoneNumber: string; status: 'connected' | 'disconnected'; paused: boolean; queuedCount: number; sendIntervalMs: number; connected: boolean }[]
  >`
    SELECT i.id, i.name, i.phone_number AS "phoneNumber", i.status, i.paused, i.queued_count AS "queuedCount",
           i.send_interval_ms AS "sendIntervalMs", (x.store_id IS NOT NULL) AS connected
    FROM instances i
    LEFT JOIN instance_stores x ON x.instance_id = i.id AND x.store_id = ${id}
    WHERE i.account_id = ${actor.accountId} AND i.deleted_at IS NULL
    ORDER BY i.name, i.id`;
  return { store, instances: instances.filter((i) => i.connected), available: instances.filter((i) => !i.connected) };
}

import 'server-only';
import { getSql } from '@/db/client';
import { newCredentials, saveCredentials, type IssuedCredentials } from '@/lib/api/credentials';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { getInstanceOrThrow } from '@/lib/instances/queries';
import { getStoreOrThrow } from './queries';

/** A new store comes with its API key and webhook secret, returned in full this once (SPEC §3). */
export async function createStore(actor: Actor, input: { name: string }): Promise<{ id: string; credentials: IssuedCredentials }> {
  assertCan(actor, 'editContent');
  const credentials = newCredentials();
  return getSql().begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`INSERT INTO stores (account_id, name, created_at) VALUES (${actor.accountId}, ${input.name}, ${now()}) RETURNING id`;
    await saveCredentials(actor.accountId, row!.id, credentials, tx);
    return { id: row!.id, credentials };
  });
}

export async function renameStore(actor: Actor, input: { storeId: string; name: string }): Promise<void> {
  assertCan(actor, 'editContent');
  await getStoreOrThrow(actor.accountId, input.storeId);
  await getSql()`UPDATE stores SET name = ${input.name} WHERE id = ${input.storeId} AND account_id = ${actor.accountId}`;
}

/** Refused while any of its messages waits or is being sent; its sent history stays. */
export async function deleteStore(actor: Actor, storeId: string): Promise<void> {
  assertCan(actor, 'editContent');
  await getStoreOrThrow(actor.accountId, storeId);
  await getSql().begin(async (tx) => {
    // Locks the store so a concurrent enqueue for it (which reads the store) cannot slip in.
    await tx`SELECT id FROM stores WHERE id = ${storeId} FOR UPDATE`;
    const [waiting] = await tx<{ n: number }[]>`
      SELECT count(*)::int AS n FROM messages m JOIN instances i ON i.id = m.instance_id
      WHERE i.account_id = ${actor.accountId} AND m.state IN ('queued', 'processing') AND m.store_id = ${storeId}`;
    if (waiting!.n > 0) {
      throw new AppError('STORE_HAS_MESSAGES', {
        message: `Esta loja ainda tem ${waiting!.n} ${waiting!.n === 1 ? 'mensagem aguardando' : 'mensagens aguardando'} nas filas. Espere o envio ou limpe as filas antes de excluí-la.`,
        status: 409,
      });
    }
    await tx`DELETE FROM stores WHERE id = ${storeId} AND account_id = ${actor.accountId}`;
  });
}

/** Connecting decides where a store's messages may go: an instance-management capability. */
export async function connectStoreInstance(actor: Actor, input: { storeId: string; instanceId: string }): Promise<void> {
  assertCan(actor, 'manageInstances');
  await getStoreOrThrow(actor.accountId, input.storeId);
  await getInstanceOrThrow(actor.accountId, input.instanceId);
  await getSql()`INSERT INTO instance_stores (instance_id, store_id) VALUES (${input.instanceId}, ${input.storeId}) ON CONFLICT DO NOTHING`;
}

export async function disconnectStoreInstance(actor: Actor, input: { storeId: string; instanceId: string }): Promise<void> {
  assertCan(actor, 'manageInstances');
  await getStoreOrThrow(actor.accountId, input.storeId);
  await getInstanceOrThrow(actor.accountId, input.instanceId);
  await getSql()`DELETE FROM instance_stores WHERE instance_id = ${input.instanceId} AND store_id = ${input.storeId}`;
}

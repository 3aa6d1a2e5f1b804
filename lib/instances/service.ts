import 'server-only';
import type { TransactionSql } from 'postgres';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { seal, unseal } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { getProvider } from '@/lib/providers';
import { NEEDS_SECRET } from '@/lib/providers/config';
import { enqueueMessages, wakeDispatchers } from '@/lib/queue/enqueue';
import { intervalMsFromSeconds } from '@/lib/queue/pacing';
import { getInstanceOrThrow } from './queries';
import { providerConfigFrom } from './provider-config';
import type { InstanceInput } from './schemas';

async function assertStoresOwned(tx: TransactionSql, accountId: string, storeIds: string[]) {
  if (storeIds.length === 0) return;
  const [row] = await tx<{ n: number }[]>`SELECT count(*)::int AS n FROM stores WHERE account_id = ${accountId} AND id = ANY(${storeIds}::uuid[])`;
  if (row!.n !== new Set(storeIds).size) throw new AppError('NOT_FOUND', { message: 'Loja não encontrada.' });
}

async function replaceStores(tx: TransactionSql, instanceId: string, storeIds: string[]) {
  await tx`DELETE FROM instance_stores WHERE instance_id = ${instanceId} AND NOT (store_id = ANY(${storeIds}::uuid[]))`;
  if (storeIds.length > 0) {
    await tx`INSERT INTO instance_stores (instance_id, store_id) SELECT ${instanceId}, unnest(${storeIds}::uuid[]) ON CONFLICT DO NOTHING`;
  }
}

function secretRequired(): AppError {
  return new AppError('VALIDATION', { message: 'Confira os campos destacados.', fieldErrors: { secret: ['Informe o token ou segredo deste provedor.'] } });
}

/** Creates an instance, disconnected until "Conectar" verifies it. */
export async function createInstance(actor: Actor, input: InstanceInput): Promise<{ id: string }> {
  assertCan(actor, 'manageInstances');
  if (NEEDS_SECRET[input.provider] && !input.secret) throw secretRequired();
  return getSql().begin(async (tx) => {
    await assertStoresOwned(tx, actor.accountId, input.storeIds);
    const [row] = await tx<{ id: string }[]>`
      INSERT INTO instances (account_id, name, phone_number, provider, provider_config, provider_secret, send_interval_ms, daily_limit, created_at)
      VALUES (${actor.accountId}, ${input.name}, ${input.phoneNumber}, ${input.provider}, ${JSON.stringify(providerConfigFrom(input))}::jsonb,
              ${input.secret ? seal(input.secret) : null}, ${intervalMsFromSeconds(input.intervalSeconds)}, ${input.dailyLimit}, ${now()})
      RETURNING id`;
    await replaceStores(tx, row!.id, input.storeIds);
    return { id: row!.id };
  });
}

/** Edits an instance. A blank secret keeps the stored one, unless the provider changed. */
export async function updateInstance(actor: Actor, id: string, input: InstanceInput): Promise<void> {
  assertCan(actor, 'manageInstances');
  const current = await getInstanceOrThrow(actor.accountId, id);
  const providerChanged = current.provider !== input.provider;
  if (NEEDS_SECRET[input.provider] && !input.secret && (providerChanged || !current.providerSecret)) throw secretRequired();
  const secret = input.secret ? seal(input.secret) : providerChanged ? null : current.providerSecret;
  const intervalMs = intervalMsFromSeconds(input.intervalSeconds);
  await getSql().begin(async (tx) => {
    await assertStoresOwned(tx, actor.accountId, input.storeIds);
    await tx`
      UPDATE instances SET name = ${input.name}, phone_number = ${input.phoneNumber}, provider = ${input.provider},
        provider_config = ${JSON.stringify(providerConfigFrom(input))}::jsonb, provider_secret = ${secret},
        send_interval_ms = ${intervalMs}, daily_limit = ${input.dailyLimit},
        next_send_at = least(next_send_at, ${new Date(now().getTime() + intervalMs)}),
        status = CASE WHEN ${providerChanged} THEN 'disconnected'::instance_status ELSE status END
      WHERE id = ${id} AND account_id = ${actor.accountId} AND deleted_at IS NULL`;
    await replaceStores(tx, id, input.storeIds);
  });
  await wakeDispatchers();
}

/** Pause or resume: a conditional update, so a double click changes nothing the second time. */
export async function setPaused(actor: Actor, id: string, paused: boolean): Promise<{ changed: boolean }> {
  assertCan(actor, 'manageInstances');
  await getInstanceOrThrow(actor.accountId, id);
  const res = await getSql()`UPDATE instances SET paused = ${paused} WHERE id = ${id} AND account_id = ${actor.accountId} AND paused = ${!paused} AND deleted_at IS NULL`;
  if (!paused && res.count > 0) await wakeDispatchers();
  return { changed: res.count > 0 };
}

/** Verifies the credentials with the provider, then connects. */
export async function connectInstance(actor: Actor, id: string): Promise<{ detail?: string }> {
  assertCan(actor, 'manageInstances');
  const instance = await getInstanceOrThrow(actor.accountId, id);
  const check = await getProvider(instance.provider).check(
    { id, phoneNumber: instance.phoneNumber, config: instance.providerConfig, secret: instance.providerSecret ? unseal(instance.providerSecret) : null },
    AbortSignal.timeout(10_000),
  );
  if (!check.ok) {
    throw new AppError('PROVIDER_CHECK_FAILED', { message: `O provedor recusou a conexão: ${check.error}. Confira o token e o ID do número e tente de novo.`, status: 422 });
  }
  await getSql()`UPDATE instances SET status = 'connected', status_reason = NULL WHERE id = ${id} AND account_id = ${actor.accountId} AND status = 'disconnected' AND deleted_at IS NULL`;
  await wakeDispatchers();
  return { detail: check.detail };
}

export async function disconnectInstance(actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'manageInstances');
  await getInstanceOrThrow(actor.accountId, id);
  await getSql()`UPDATE instances SET status = 'disconnected', status_reason = NULL WHERE id = ${id} AND account_id = ${actor.accountId} AND status = 'connected'`;
}

/** Refused while messages wait or one is being sent; history stays (the instance is only hidden). */
export async function deleteInstance(actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'manageInstances');
  const instance = await getInstanceOrThrow(actor.accountId, id);
  const res = await getSql()`
    UPDATE instances SET deleted_at = ${now()}, status = 'disconnected'
    WHERE id = ${id} AND account_id = ${actor.accountId} AND deleted_at IS NULL AND queued_count = 0 AND in_flight_message_id IS NULL`;
  if (res.count === 0) {
    const waiting = instance.queuedCount + (instance.inFlight ? 1 : 0);
    throw new AppError('INSTANCE_HAS_MESSAGES', {
      message: `Esta instância ainda tem ${waiting} ${waiting === 1 ? 'mensagem aguardando' : 'mensagens aguardando'}. Limpe ou rebalanceie a fila antes de excluí-la.`,
      status: 409,
    });
  }
  await getSql()`DELETE FROM instance_stores WHERE instance_id = ${id}`;
}

/** "Enviar mensagem de teste": a message to the typed number at the end of this instance's queue. */
export async function sendTestMessage(actor: Actor, id: string, input: { to: string; text: string }): Promise<{ messageId: string }> {
  assertCan(actor, 'manageInstances');
  await getInstanceOrThrow(actor.accountId, id);
  const [messageId] = await enqueueMessages([
    { accountId: actor.accountId, instanceId: id, storeId: null, recipient: input.to, body: input.text, sourceKind: 'test', sourceLabel: 'Mensagem de teste', payload: { requestedBy: actor.userId } },
  ]);
  return { messageId: messageId! };
}

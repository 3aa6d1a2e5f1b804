import 'server-only';
import postgres from 'postgres';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError, notFound } from '@/lib/errors';
import { getInstanceOrThrow } from '@/lib/instances/queries';
import { getBoss } from '@/lib/jobs/boss';
import { runQueueOperation } from './operations/run';
import { RECOVER_WINDOW_MS } from './operations/types';
import type { OperationKind, OperationState } from './states';

/** Operations over at most this many messages run inside the request; bigger ones become a job. */
export const INLINE_LIMIT = 5_000;
export const QUEUE_OPERATION_JOB = 'queueOperation';

/** "Remover da fila": only a waiting message; one being sent finishes. Kept until archived. */
export async function removeFromQueue(actor: Actor, input: { instanceId: string; messageId: string }): Promise<void> {
  assertCan(actor, 'startDeliveries');
  await getInstanceOrThrow(actor.accountId, input.instanceId);
  const sql = getSql();
  const res = await sql`
    UPDATE messages SET state = 'removed', removed_at = ${now()}, removed_by = ${actor.userId}, removed_reason = 'manual'
    WHERE id = ${input.messageId} AND instance_id = ${input.instanceId} AND account_id = ${actor.accountId} AND state = 'queued'`;
  if (res.count > 0) return;
  const [existing] = await sql<{ state: string }[]>`
    SELECT state FROM messages WHERE id = ${input.messageId} AND instance_id = ${input.instanceId} AND account_id = ${actor.accountId}`;
  if (!existing) throw notFound('Mensagem');
  throw new AppError('MESSAGE_NOT_WAITING', {
    message: existing.state === 'processing' ? 'Esta mensagem já está sendo enviada e não pode mais ser removida.' : 'Esta mensagem não está mais na fila.',
    status: 409,
  });
}

async function sizeOf(kind: OperationKind, instance: { id: string; queuedCount: number }): Promise<number> {
  if (kind !== 'recover') return instance.queuedCount;
  const since = new Date(now().getTime() - RECOVER_WINDOW_MS);
  const [row] = await getSql()<{ n: number }[]>`
    SELECT count(*)::int AS n FROM messages WHERE instance_id = ${instance.id} AND state = 'removed' AND removed_at >= ${since}`;
  return row!.n;
}

/** Rebalancing needs somewhere to go: another connected, unpaused instance serving one of this one's stores. */
async function assertRebalanceTarget(accountId: string, instanceId: string): Promise<void> {
  const [row] = await getSql()<{ ok: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM instance_stores mine
      JOIN instance_stores other ON other.store_id = mine.store_id AND other.instance_id <> mine.instance_id
      JOIN instances i ON i.id = other.instance_id
      WHERE mine.instance_id = ${instanceId} AND i.account_id = ${accountId}
        AND i.status = 'connected' AND NOT i.paused AND i.deleted_at IS NULL
    ) AS ok`;
  if (!row!.ok) {
    throw new AppError('NO_REBALANCE_TARGET', {
      message: 'Não há outra instância conectada e ativa nas lojas desta fila. Conecte outra instância a essas lojas para rebalancear.',
      status: 409,
    });
  }
}

export type StartedOperation =
  | { id: string; kind: OperationKind; finished: true; state: OperationState; result: Record<string, number> }
  | { id: string; kind: OperationKind; finished: false; total: number };

/**
 * "Limpar fila", "Recuperar mensagens", "Rebalancear fila". One open operation per queue (a unique
 * index says so). Small ones finish within the request; large ones run as a pg-boss job whose
 * progress the screen shows.
 */
export async function startQueueOperation(actor: Actor, input: { instanceId: string; kind: OperationKind }, opts: { inlineLimit?: number } = {}): Promise<StartedOperation> {
  assertCan(actor, 'startDeliveries');
  const instance = await getInstanceOrThrow(actor.accountId, input.instanceId);
  if (input.kind === 'rebalance') await assertRebalanceTarget(actor.accountId, instance.id);
  const total = await sizeOf(input.kind, instance);
  let id: string;
  try {
    const [row] = await getSql()<{ id: string }[]>`
      INSERT INTO queue_operations (account_id, instance_id, kind, total, requested_by, created_at)
      VALUES (${actor.accountId}, ${instance.id}, ${input.kind}, ${total}, ${actor.userId}, ${now()}) RETURNING id`;
    id = row!.id;
  } catch (e) {
    if (e instanceof postgres.PostgresError && e.code === '23505') {
      throw new AppError('QUEUE_OPERATION_RUNNING', { message: 'Já existe uma operação em andamento nesta fila. Aguarde ela terminar.', status: 409 });
    }
    throw e;
  }
  if (total <= (opts.inlineLimit ?? INLINE_LIMIT)) {
    const outcome = await runQueueOperation(id);
    return { id, kind: input.kind, finished: true, ...outcome };
  }
  const boss = await getBoss();
  await boss.send(QUEUE_OPERATION_JOB, { operationId: id }, { singletonKey: id, retryLimit: 5, retryDelay: 2 });
  return { id, kind: input.kind, finished: false, total };
}

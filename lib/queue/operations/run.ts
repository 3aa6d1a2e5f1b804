import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { logger } from '@/lib/logger';
import { wakeDispatchers } from '../enqueue';
import type { OperationKind, OperationState } from '../states';
import { clearBatch } from './clear';
import { rebalanceBatch } from './rebalance';
import { recoverBatch } from './recover';
import { BATCH_SIZE, START_CURSOR, type BatchStep, type OperationContext, type OperationCursor } from './types';

const STEPS: Record<OperationKind, BatchStep> = { clear: clearBatch, recover: recoverBatch, rebalance: rebalanceBatch };

interface OperationRow {
  id: string;
  kind: OperationKind;
  state: OperationState;
  accountId: string;
  instanceId: string;
  requestedBy: string | null;
  createdAt: Date;
  cursor: OperationCursor | null;
  result: Record<string, number> | null;
}

/**
 * Runs (or resumes) a queue operation to the end, one batch per transaction. The operation row is
 * locked FOR UPDATE while a batch runs and its progress and cursor are written in the same
 * transaction, so a retried job continues exactly where the last committed batch stopped and two
 * runners can never apply the same batch. Returns the final state and result.
 */
export async function runQueueOperation(id: string, opts: { batchSize?: number } = {}): Promise<{ state: OperationState; result: Record<string, number> }> {
  const sql = getSql();
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  await sql`UPDATE queue_operations SET state = 'running', started_at = coalesce(started_at, ${now()}) WHERE id = ${id} AND state IN ('pending', 'running')`;
  for (;;) {
    const outcome = await sql.begin(async (tx) => {
      const [op] = await tx<OperationRow[]>`
        SELECT id, kind, state, account_id AS "accountId", instance_id AS "instanceId", requested_by AS "requestedBy",
               created_at AS "createdAt", cursor, result
        FROM queue_operations WHERE id = ${id} FOR UPDATE`;
      if (!op) throw new Error(`queue operation ${id} not found`);
      if (op.state !== 'running') return { state: op.state, result: op.result ?? {} };
      const ctx: OperationContext = { ...op, cursor: op.cursor ?? START_CURSOR, result: op.result ?? {} };
      const at = now();
      const batch = await STEPS[op.kind](tx, ctx, at, batchSize);
      const result = { ...ctx.result };
      for (const [k, v] of Object.entries(batch.counts)) result[k] = (result[k] ?? 0) + v;
      const finished = batch.scanned < batchSize;
      const state: OperationState = finished ? 'done' : 'running';
      await tx`
        UPDATE queue_operations SET done = done + ${batch.scanned}, cursor = ${JSON.stringify(batch.cursor)}::jsonb,
          result = ${JSON.stringify(result)}::jsonb, state = ${state}, finished_at = ${finished ? at : null}
        WHERE id = ${id}`;
      return { state, result };
    });
    if (outcome.state !== 'running') {
      if (outcome.state === 'done') await wakeDispatchers().catch(() => {});
      return outcome;
    }
  }
}

/** Marks an operation failed with a reason the screen can show. */
export async function failQueueOperation(id: string, error: unknown): Promise<void> {
  logger.error({ err: error, operation: id }, 'queue operation failed');
  const message = error instanceof Error ? error.message : String(error);
  await getSql()`UPDATE queue_operations SET state = 'failed', error = ${message}, finished_at = ${now()} WHERE id = ${id} AND state IN ('pending', 'running')`;
}

import 'server-only';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import type { OperationKind, OperationState } from '../states';

export interface OperationView {
  id: string;
  kind: OperationKind;
  state: OperationState;
  total: number;
  done: number;
  result: Record<string, number> | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** The queue's open operation (progress) and the latest finished one (the result to toast). */
export async function getQueueOperations(actor: Actor, instanceId: string): Promise<{ open: OperationView | null; last: OperationView | null }> {
  assertCan(actor, 'viewAccount');
  const rows = await getSql()<OperationView[]>`
    (SELECT id, kind, state, total, done, result, error, created_at AS "createdAt", finished_at AS "finishedAt"
       FROM queue_operations WHERE instance_id = ${instanceId} AND account_id = ${actor.accountId} AND state IN ('pending', 'running') LIMIT 1)
    UNION ALL
    (SELECT id, kind, state, total, done, result, error, created_at AS "createdAt", finished_at AS "finishedAt"
       FROM queue_operations WHERE instance_id = ${instanceId} AND account_id = ${actor.accountId} AND state IN ('done', 'failed')
       ORDER BY created_at DESC LIMIT 1)`;
  return { open: rows.find((r) => r.state === 'pending' || r.state === 'running') ?? null, last: rows.find((r) => r.state === 'done' || r.state === 'failed') ?? null };
}

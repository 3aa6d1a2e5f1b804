import { getSql } from '@/db/client';
import type { Actor, Role } from '@/lib/auth/permissions';
import { confirmSend } from '@/lib/deliveries/service';
import { computeRunStats, percentages, runLogs } from '@/lib/deliveries/stats';
import { dispatchOnce } from '@/lib/queue/dispatcher';
import { advanceRun } from '@/lib/sends/lifecycle';
import { createDraft } from './sends-factories';

/** A send of `n` recipients confirmed by the operator and generated (clock must be set), with its message ids in audience order. */
export async function generatedRun(actors: Record<Role, Actor>, storeId: string, n: number, body?: string) {
  const configId = await createDraft(actors.editor, storeId, n, body ? { body } : {});
  const { runId } = await confirmSend(actors.operator, configId);
  await advanceRun(runId);
  const ids = await getSql()<{ id: string }[]>`
    SELECT id FROM messages WHERE source_kind = 'send' AND source_id = ${runId} ORDER BY enqueued_at, id`;
  return { configId, runId, ids: ids.map((r) => r.id) };
}

/** One dispatcher cycle for this account only (one message per due instance). */
export function dispatch(accountId: string): Promise<number> {
  return dispatchOnce({ workerId: 'deliveries-test', accountId });
}

/** The block's figures (fresh) and each message's log status (undefined = not handed over yet). */
export async function snapshot(runId: string) {
  const stats = (await computeRunStats(runId))!;
  const logs = new Map((await runLogs(runId)).map((l) => [l.messageId, l.status]));
  return { stats, pct: percentages(stats), log: (id: string) => logs.get(id) };
}

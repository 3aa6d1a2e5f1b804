import 'server-only';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError, notFound } from '@/lib/errors';
import { lockRun, recordEvent, scheduleOf } from '@/lib/sends/lifecycle';
import { isRecurring } from '@/lib/sends/schedule';
import { confirmConfig, getConfigOrThrow, kickRun } from '@/lib/sends/service';
import { computeRunStats, type RunStats } from './stats';

/**
 * "Confirmar envio" on a configuration in Rascunho: the sends domain's confirmConfig, which checks
 * startDeliveries on the server and records who confirmed and when; a scheduled send then waits
 * for its time.
 */
export async function confirmSend(actor: Actor, configId: string): Promise<{ runId: string; at: Date }> {
  assertCan(actor, 'startDeliveries');
  return confirmConfig(actor, configId);
}

async function runOfAccount(accountId: string, runId: string): Promise<{ id: string; configId: string }> {
  const [run] = await getSql()<{ id: string; configId: string }[]>`
    SELECT id, config_id AS "configId" FROM send_runs WHERE id = ${runId} AND account_id = ${accountId}`;
  if (!run) throw notFound('Envio');
  return run;
}

/**
 * "Confirmar envio" on a recurring occurrence in "Aguardando confirmação": under the run's lock it
 * becomes SCHEDULED (who and when go to its timeline) and is sent at its time, or now if that passed.
 */
export async function confirmOccurrence(actor: Actor, runId: string): Promise<{ at: Date }> {
  assertCan(actor, 'startDeliveries');
  await runOfAccount(actor.accountId, runId);
  const at = await getSql().begin(async (tx) => {
    const locked = await lockRun(tx, runId);
    if (!locked || locked.run.state !== 'awaiting_confirmation') {
      throw new AppError('CONFLICT', { message: 'Este envio não está aguardando confirmação.' });
    }
    await tx`UPDATE send_runs SET state = 'scheduled' WHERE id = ${runId} AND state = 'awaiting_confirmation'`;
    await recordEvent(tx, runId, 'scheduled', { by: actor.userId, note: 'confirmed' });
    return locked.run.scheduledAt;
  });
  const when = at > now() ? at : now();
  await kickRun(runId, when);
  return { at: when };
}

/** A recurring configuration, while still a draft, may ask for a confirmation before each occurrence. */
export async function setConfirmEachRun(actor: Actor, configId: string, on: boolean): Promise<void> {
  assertCan(actor, 'editContent');
  const config = await getConfigOrThrow(actor.accountId, configId);
  if (config.status !== 'draft') throw new AppError('CONFLICT', { message: 'Só é possível mudar isto enquanto a configuração é um rascunho.' });
  if (!isRecurring(scheduleOf(config))) throw new AppError('VALIDATION', { message: 'Só envios recorrentes pedem confirmação a cada ocorrência.' });
  await getSql()`UPDATE send_configs SET confirm_each_run = ${on} WHERE id = ${configId} AND status = 'draft'`;
}

/** "Calcular estatísticas": recomputes a run's indicators now (anyone who can see the send). */
export async function recomputeStats(actor: Actor, runId: string): Promise<RunStats> {
  assertCan(actor, 'viewAccount');
  await runOfAccount(actor.accountId, runId);
  return (await computeRunStats(runId))!;
}

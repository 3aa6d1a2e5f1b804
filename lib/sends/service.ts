import 'server-only';
import type { Sql, TransactionSql } from 'postgres';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError, notFound } from '@/lib/errors';
import { getBoss } from '@/lib/jobs/boss';
import { logger } from '@/lib/logger';
import { getStoreOrThrow } from '@/lib/stores/queries';
import { getTemplate } from '@/lib/templates/queries';
import { CONFIG_COLUMNS, RUN_COLUMNS, createRun, recordEvent, scheduleOf, type ConfigRow, type RunRow } from './lifecycle';
import { firstOccurrence, zonedLocalToInstant } from './schedule';
import { configSchema, type ConfigInput } from './schemas';
import { ABORT_REFUSALS, abortDecisionFor } from './states';

export const SEND_RUN_JOB = 'sendRun';

/** The configuration, or 404 when it is not this account's. */
export async function getConfigOrThrow(accountId: string, configId: string): Promise<ConfigRow> {
  const [config] = await getSql().unsafe<ConfigRow[]>(`SELECT ${CONFIG_COLUMNS} FROM send_configs c WHERE c.id = $1 AND c.account_id = $2`, [
    configId,
    accountId,
  ]);
  if (!config) throw notFound('Configuração');
  return config;
}

/** "Nova configuração": a draft (Rascunho); the audience is uploaded next. */
export async function createConfig(actor: Actor, raw: ConfigInput): Promise<{ id: string }> {
  assertCan(actor, 'editContent');
  const input = configSchema.parse(raw);
  await getStoreOrThrow(actor.accountId, input.storeId);
  const sql = getSql();
  if (input.instanceIds.length) {
    const [{ n }] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM instances WHERE id = ANY(${input.instanceIds}::uuid[]) AND account_id = ${actor.accountId} AND deleted_at IS NULL`;
    if (n !== new Set(input.instanceIds).size) throw notFound('Instância');
  }
  // A template's text is copied in (the configuration keeps the text it was confirmed with).
  const body = input.templateId ? input.body || (await getTemplate(actor, input.templateId)).body : input.body;
  const [{ timeZone }] = await sql<{ timeZone: string }[]>`SELECT time_zone AS "timeZone" FROM accounts WHERE id = ${actor.accountId}`;
  const scheduleAt = input.scheduleKind === 'at' ? zonedLocalToInstant(input.scheduleAt!, timeZone) : null;
  if (scheduleAt && scheduleAt <= now()) {
    throw new AppError('VALIDATION', { message: 'Confira os campos destacados.', fieldErrors: { scheduleAt: ['Escolha um momento no futuro.'] } });
  }
  const recurring = ['daily', 'weekly'].includes(input.scheduleKind);
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO send_configs (account_id, store_id, name, body, template_id, instance_ids, schedule_kind, schedule_at, schedule_time,
                              schedule_weekdays, schedule_cron, time_zone, validity_hours, created_by)
    VALUES (${actor.accountId}, ${input.storeId}, ${input.name}, ${body}, ${input.templateId ?? null}, ${input.instanceIds}::uuid[],
            ${input.scheduleKind}, ${scheduleAt}, ${recurring ? input.scheduleTime! : null},
            ${input.scheduleKind === 'weekly' ? input.scheduleWeekdays : null}::smallint[],
            ${input.scheduleKind === 'cron' ? input.scheduleCron!.trim() : null}, ${timeZone}, ${input.validityHours}, ${actor.userId})
    RETURNING id`;
  return row!;
}

/** "Duplicar": a new draft with the same settings and audience (copied set-based). */
export async function duplicateConfig(actor: Actor, configId: string): Promise<{ id: string }> {
  assertCan(actor, 'editContent');
  await getConfigOrThrow(actor.accountId, configId);
  return getSql().begin(async (tx) => {
    const [copy] = await tx<{ id: string }[]>`
      INSERT INTO send_configs (account_id, store_id, name, body, template_id, instance_ids, schedule_kind, schedule_at, schedule_time,
                                schedule_weekdays, schedule_cron, time_zone, validity_hours, confirm_each_run, audience_state,
                                audience_file_name, audience_columns, audience_valid, audience_invalid, audience_duplicates, created_by)
      SELECT account_id, store_id, left(name || ' (cópia)', 120), body, template_id, instance_ids, schedule_kind,
             CASE WHEN schedule_at > ${now()} THEN schedule_at END, schedule_time, schedule_weekdays, schedule_cron, time_zone,
             validity_hours, confirm_each_run, CASE WHEN audience_state = 'ready' THEN 'ready' ELSE 'empty' END::send_audience_state,
             audience_file_name, audience_columns, audience_valid, audience_invalid, audience_duplicates, ${actor.userId}
      FROM send_configs WHERE id = ${configId}
      RETURNING id`;
    // A one-off date already past becomes "now"; the user can change it before confirming.
    await tx`UPDATE send_configs SET schedule_kind = 'now' WHERE id = ${copy!.id} AND schedule_kind = 'at' AND schedule_at IS NULL`;
    await tx`INSERT INTO send_recipients (config_id, position, line_no, phone, name, vars)
             SELECT ${copy!.id}, position, line_no, phone, name, vars FROM send_recipients WHERE config_id = ${configId}`;
    await tx`INSERT INTO send_audience_errors (config_id, line_no, reason, raw)
             SELECT ${copy!.id}, line_no, reason, raw FROM send_audience_errors WHERE config_id = ${configId}`;
    return copy!;
  });
}

/**
 * Rascunho → SCHEDULED: the one place a configuration is confirmed (issue 7 adds its dialog and
 * per-occurrence confirmations here). Records who and when, creates the first run and wakes the
 * worker for its time.
 */
export async function confirmConfig(actor: Actor, configId: string): Promise<{ runId: string; at: Date }> {
  assertCan(actor, 'startDeliveries');
  await getConfigOrThrow(actor.accountId, configId);
  const result = await getSql().begin(async (tx) => {
    const [config] = await tx.unsafe<ConfigRow[]>(`SELECT ${CONFIG_COLUMNS} FROM send_configs c WHERE c.id = $1 FOR UPDATE`, [configId]);
    if (config!.status !== 'draft') throw new AppError('CONFLICT', { message: 'Esta configuração já foi confirmada.' });
    if (config!.audienceState !== 'ready' || config!.audienceValid === 0) {
      throw new AppError('VALIDATION', { message: 'Envie uma audiência com ao menos um telefone válido antes de confirmar.' });
    }
    const at = firstOccurrence(scheduleOf(config!), config!.timeZone, now());
    if (config!.scheduleKind === 'at' && at <= now()) {
      throw new AppError('VALIDATION', { message: 'A data programada já passou: duplique a configuração e escolha outra data.' });
    }
    await tx`UPDATE send_configs SET status = 'active', confirmed_by = ${actor.userId}, confirmed_at = ${now()} WHERE id = ${configId}`;
    return { runId: await createRun(tx, config!, at, actor.userId), at };
  });
  await kickRun(result.runId, result.at);
  return result;
}

/** Asks a worker to run the send at its time; the minute tick is the fallback, so a failure here only delays it. */
export async function kickRun(runId: string, at: Date): Promise<void> {
  try {
    const boss = await getBoss();
    await boss.send(SEND_RUN_JOB, { runId }, { startAfter: at });
  } catch (err) {
    logger.warn({ err, runId }, 'could not queue the send run job; the tick will pick it up');
  }
}

/** The run "Abortar" acts on: the earliest one not yet ended (null for a draft or when all ended). */
export async function currentRun(run: Sql | TransactionSql, configId: string, lock: boolean): Promise<RunRow | null> {
  const [row] = await run.unsafe<RunRow[]>(
    `SELECT ${RUN_COLUMNS} FROM send_runs r WHERE r.config_id = $1 AND r.state NOT IN ('done', 'failed', 'aborted', 'cancelled')
     ORDER BY r.scheduled_at, r.created_at LIMIT 1 ${lock ? 'FOR UPDATE' : ''}`,
    [configId],
  );
  return row ?? null;
}

export type AbortOutcome = 'aborted' | 'recorded';

/**
 * "Abortar", under the configuration's and the run's row locks (so it serialises with the worker's
 * transitions and with another abort). The seed's rules are abortDecision's; an allowed abort also
 * stops a recurring configuration's later occurrences.
 */
export async function abortConfig(actor: Actor, configId: string): Promise<AbortOutcome> {
  assertCan(actor, 'startDeliveries');
  await getConfigOrThrow(actor.accountId, configId);
  return getSql().begin(async (tx) => {
    const [config] = await tx<{ status: ConfigRow['status'] }[]>`SELECT status FROM send_configs WHERE id = ${configId} FOR UPDATE`;
    const run = config!.status === 'draft' ? null : await currentRun(tx, configId, true);
    const decision = abortDecisionFor(config!.status, run);
    if (!decision.allowed) throw new AppError('CONFLICT', { message: ABORT_REFUSALS[decision.reason] });
    const at = now();
    if (decision.outcome === 'recorded') {
      await tx`UPDATE send_runs SET abort_requested_at = ${at}, abort_requested_by = ${actor.userId} WHERE id = ${run!.id}`;
      await recordEvent(tx, run!.id, 'processing', { by: actor.userId, note: 'abort_requested' });
    } else {
      await tx`UPDATE send_runs SET state = 'aborted', finished_at = ${at}, abort_requested_at = ${at}, abort_requested_by = ${actor.userId} WHERE id = ${run!.id}`;
      await recordEvent(tx, run!.id, 'aborted', { by: actor.userId });
    }
    // Later occurrences of a recurring configuration never start.
    const later = await tx<{ id: string }[]>`
      UPDATE send_runs SET state = 'aborted', finished_at = ${at}, abort_requested_at = ${at}, abort_requested_by = ${actor.userId}
      WHERE config_id = ${configId} AND id <> ${run!.id} AND state IN ('scheduled', 'awaiting_confirmation') RETURNING id`;
    for (const { id } of later) await recordEvent(tx, id, 'aborted', { by: actor.userId });
    await tx`UPDATE send_configs SET status = 'aborted' WHERE id = ${configId}`;
    return decision.outcome;
  });
}

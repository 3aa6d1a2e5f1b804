import type { TransactionSql } from 'postgres';
import { getSql } from '@/db/client';
import { trackLinks } from '@/lib/clicks/generation';
import { now } from '@/lib/clock';
import { awaitingRetry } from '@/lib/deliveries/feedback';
import { logger } from '@/lib/logger';
import { wakeDispatchers } from '@/lib/queue/enqueue';
import { placeholders, sourceOf } from './render';
import { isRecurring, nextOccurrence, type Schedule } from './schedule';
import type { RunState } from './states';

/** Each generation batch has at least this many recipients (the seed's "lotes de pelo menos 5000"). */
export const MIN_BATCH_SIZE = 5_000;

export interface ConfigRow {
  id: string;
  accountId: string;
  storeId: string;
  name: string;
  body: string;
  instanceIds: string[];
  scheduleKind: Schedule['kind'];
  scheduleAt: Date | null;
  scheduleTime: string | null;
  scheduleWeekdays: number[] | null;
  scheduleCron: string | null;
  timeZone: string;
  confirmEachRun: boolean;
  status: 'draft' | 'active' | 'aborted' | 'finished';
  audienceState: 'empty' | 'importing' | 'ready' | 'failed';
  audienceValid: number;
}

export interface RunRow {
  id: string;
  configId: string;
  state: RunState;
  scheduledAt: Date;
  total: number;
  generated: number;
  plan: PlanEntry[] | null;
  abortRequestedAt: Date | null;
  generationStartedAt: Date | null;
  generationFinishedAt: Date | null;
}

/** An instance and the slice [lo, hi) of the unit interval its recipients fall in (its share of the rate). */
export interface PlanEntry {
  instanceId: string;
  lo: number;
  hi: number;
}

export const CONFIG_COLUMNS = `c.id, c.account_id AS "accountId", c.store_id AS "storeId", c.name, c.body, c.instance_ids AS "instanceIds",
  c.schedule_kind AS "scheduleKind", c.schedule_at AS "scheduleAt", c.schedule_time AS "scheduleTime",
  c.schedule_weekdays AS "scheduleWeekdays", c.schedule_cron AS "scheduleCron", c.time_zone AS "timeZone",
  c.confirm_each_run AS "confirmEachRun", c.status, c.audience_state AS "audienceState", c.audience_valid AS "audienceValid"`;

export const RUN_COLUMNS = `r.id, r.config_id AS "configId", r.state, r.scheduled_at AS "scheduledAt", r.total, r.generated, r.plan,
  r.abort_requested_at AS "abortRequestedAt", r.generation_started_at AS "generationStartedAt",
  r.generation_finished_at AS "generationFinishedAt"`;

type Tx = TransactionSql;

/**
 * Timeline order: by time, then by lifecycle rank (transitions only move forward), so events
 * recorded in the same instant (or under a test clock) still read in order.
 */
export const EVENT_ORDER = `e.at, array_position(ARRAY['awaiting_confirmation','scheduled','processing','in_progress','done','failed','aborted','cancelled']::send_run_state[], e.state), e.note NULLS FIRST`;

export function scheduleOf(c: Pick<ConfigRow, 'scheduleKind' | 'scheduleAt' | 'scheduleTime' | 'scheduleWeekdays' | 'scheduleCron'>): Schedule {
  switch (c.scheduleKind) {
    case 'now':
      return { kind: 'now' };
    case 'at':
      return { kind: 'at', at: c.scheduleAt! };
    case 'daily':
      return { kind: 'daily', time: c.scheduleTime! };
    case 'weekly':
      return { kind: 'weekly', time: c.scheduleTime!, weekdays: c.scheduleWeekdays ?? [] };
    case 'cron':
      return { kind: 'cron', expression: c.scheduleCron! };
  }
}

/** Locks the run's configuration, then the run (always in this order, like abort). */
export async function lockRun(tx: Tx, runId: string): Promise<{ config: ConfigRow; run: RunRow } | null> {
  const [config] = await tx.unsafe<ConfigRow[]>(
    `SELECT ${CONFIG_COLUMNS} FROM send_configs c WHERE c.id = (SELECT config_id FROM send_runs WHERE id = $1) FOR UPDATE`,
    [runId],
  );
  if (!config) return null;
  const [run] = await tx.unsafe<RunRow[]>(`SELECT ${RUN_COLUMNS} FROM send_runs r WHERE r.id = $1 FOR UPDATE`, [runId]);
  return run ? { config, run } : null;
}

export async function recordEvent(tx: Tx, runId: string, state: RunState, opts: { by?: string | null; note?: string | null } = {}) {
  await tx`INSERT INTO send_run_events (run_id, state, at, by_user_id, note) VALUES (${runId}, ${state}, ${now()}, ${opts.by ?? null}, ${opts.note ?? null})`;
}

/** Moves a run to a final state and, for a one-off configuration, finishes the configuration. */
async function finishRun(tx: Tx, config: ConfigRow, runId: string, state: RunState, note: string | null = null) {
  await tx`UPDATE send_runs SET state = ${state}, finished_at = ${now()}, failure_reason = ${state === 'failed' ? note : null} WHERE id = ${runId}`;
  await recordEvent(tx, runId, state, { note });
  if (!isRecurring(scheduleOf(config))) {
    await tx`UPDATE send_configs SET status = 'finished' WHERE id = ${config.id} AND status = 'active'`;
  }
}

/** Runs that are due now (SCHEDULED with their time reached). */
export async function dueRunIds(limit = 100): Promise<string[]> {
  const rows = await getSql()<{ id: string }[]>`
    SELECT id FROM send_runs WHERE state = 'scheduled' AND scheduled_at <= ${now()} ORDER BY scheduled_at LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** How long a run may sit in PROCESANDO or mid-generation before a worker presumes its job lost. */
export const STALE_RUN_MS = 5 * 60_000;

/**
 * Runs left half-way (processing, or generating) with no progress for STALE_RUN_MS: their job was
 * lost (a crashed worker), so the tick queues them again. Runs still making progress are left to
 * the job that has them.
 */
export async function staleRunIds(limit = 100): Promise<string[]> {
  const rows = await getSql()<{ id: string }[]>`
    SELECT r.id FROM send_runs r
    WHERE (r.state = 'processing' OR (r.state = 'in_progress' AND r.generation_finished_at IS NULL))
      AND greatest((SELECT max(e.at) FROM send_run_events e WHERE e.run_id = r.id),
                   (SELECT max(b.finished_at) FROM send_batches b WHERE b.run_id = r.id)) < ${new Date(now().getTime() - STALE_RUN_MS)}
    ORDER BY r.scheduled_at LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * SCHEDULED → PROCESANDO once the time has come. A recurring configuration gets its next
 * occurrence now, so each occurrence is its own run with its own state and figures.
 */
export async function startRun(runId: string): Promise<boolean> {
  return getSql().begin(async (tx) => {
    const locked = await lockRun(tx, runId);
    if (!locked || locked.run.state !== 'scheduled' || locked.run.scheduledAt > now()) return false;
    const { config, run } = locked;
    await tx`UPDATE send_runs SET state = 'processing' WHERE id = ${runId}`;
    await recordEvent(tx, runId, 'processing');
    const schedule = scheduleOf(config);
    if (isRecurring(schedule) && config.status === 'active') {
      const after = new Date(Math.max(run.scheduledAt.getTime(), now().getTime()));
      await createRun(tx, config, nextOccurrence(schedule, config.timeZone, after), null);
    }
    return true;
  });
}

/** A new occurrence (SCHEDULED, or waiting for a confirmation when the configuration asks for one). */
export async function createRun(tx: Tx, config: ConfigRow, at: Date, by: string | null): Promise<string> {
  const state: RunState = config.confirmEachRun && by === null ? 'awaiting_confirmation' : 'scheduled';
  const [run] = await tx<{ id: string }[]>`
    INSERT INTO send_runs (account_id, config_id, scheduled_at, state, total)
    VALUES (${config.accountId}, ${config.id}, ${at}, ${state}, ${config.audienceValid}) RETURNING id`;
  await recordEvent(tx, run!.id, state, { by });
  return run!.id;
}

/** The instances a run sends through and their shares, proportional to each one's rate. */
async function planFor(config: ConfigRow): Promise<PlanEntry[] | string> {
  const sql = getSql();
  const rows = config.instanceIds.length
    ? await sql<{ id: string; interval: number }[]>`
        SELECT id, send_interval_ms AS interval FROM instances
        WHERE id = ANY(${config.instanceIds}::uuid[]) AND account_id = ${config.accountId} AND deleted_at IS NULL ORDER BY id`
    : await sql<{ id: string; interval: number }[]>`
        SELECT i.id, i.send_interval_ms AS interval FROM instances i JOIN instance_stores s ON s.instance_id = i.id
        WHERE s.store_id = ${config.storeId} AND i.account_id = ${config.accountId} AND i.deleted_at IS NULL
          AND i.status = 'connected' AND NOT i.paused ORDER BY i.id`;
  if (rows.length === 0) {
    return config.instanceIds.length ? 'As instâncias escolhidas não existem mais.' : 'Nenhuma instância conectada atende a loja.';
  }
  const rates = rows.map((r) => 1000 / Math.max(1, r.interval));
  const total = rates.reduce((a, b) => a + b, 0);
  let lo = 0;
  return rows.map((r, i) => {
    const hi = i === rows.length - 1 ? 1 : lo + rates[i]! / total;
    const entry = { instanceId: r.id, lo, hi };
    lo = hi;
    return entry;
  });
}

/**
 * PROCESANDO: validates the audience and the instances, then — under the row lock — ends in
 * Cancelado if an abort was recorded meanwhile, Falhou with the reason, or IN-PROGRESS with its plan.
 */
export async function processRun(runId: string): Promise<RunState | null> {
  const sql = getSql();
  const [config] = await sql.unsafe<ConfigRow[]>(
    `SELECT ${CONFIG_COLUMNS} FROM send_configs c JOIN send_runs r ON r.config_id = c.id WHERE r.id = $1`,
    [runId],
  );
  if (!config) return null;
  const problem =
    config.audienceState !== 'ready' ? 'A audiência não foi importada.' : config.audienceValid === 0 ? 'A audiência não tem destinatários válidos.' : null;
  const plan = problem ?? (await planFor(config));
  return sql.begin(async (tx) => {
    const locked = await lockRun(tx, runId);
    if (!locked || locked.run.state !== 'processing') return locked?.run.state ?? null;
    if (locked.run.abortRequestedAt) {
      await finishRun(tx, locked.config, runId, 'cancelled', 'Abortado durante o processamento: nada foi enviado.');
      return 'cancelled';
    }
    if (typeof plan === 'string') {
      await finishRun(tx, locked.config, runId, 'failed', plan);
      return 'failed';
    }
    await tx`UPDATE send_runs SET state = 'in_progress', plan = ${tx.json(plan as never)}, total = ${locked.config.audienceValid} WHERE id = ${runId}`;
    await recordEvent(tx, runId, 'in_progress');
    return 'in_progress';
  });
}

/** The message text with each placeholder replaced in SQL by the recipient's value (nested replace()). */
function bodyExpression(tx: Tx, body: string, storeId: string) {
  let expr = tx`${body}::text`;
  for (const { token, key } of placeholders(body)) {
    const source = sourceOf(key);
    const value =
      source.kind === 'name'
        ? tx`coalesce(r.name, '')`
        : source.kind === 'phone'
          ? tx`r.phone`
          : source.kind === 'store'
            ? tx`(SELECT name FROM stores WHERE id = ${storeId})`
            : tx`coalesce(r.vars ->> ${source.key}, '')`;
    expr = tx`replace(${expr}, ${token}, ${value})`;
  }
  return expr;
}

/**
 * IN-PROGRESS: generates the messages in batches (positions from..to) with one INSERT … SELECT
 * each. The first batch's transaction stamps generation_started_at under the row lock: from then on
 * an abort is refused. A recipient goes to the instance whose slice holds frac(position × φ), which
 * spreads the audience over the instances by rate while interleaving them. Resumable: each batch
 * commits with its row in send_batches and the run's `generated`.
 */
export async function generateRun(runId: string, opts: { batchSize?: number } = {}): Promise<number> {
  const batchSize = Math.max(MIN_BATCH_SIZE, opts.batchSize ?? MIN_BATCH_SIZE);
  const sql = getSql();
  let batches = 0;
  for (;;) {
    const more = await sql.begin(async (tx) => {
      // Config then run, like abort: a second UPDATE of the run in one transaction re-checks its
      // foreign key (KEY SHARE on the configuration), which would otherwise deadlock with an abort.
      const locked = await lockRun(tx, runId);
      if (!locked || locked.run.state !== 'in_progress' || locked.run.generationFinishedAt) return false;
      const { run, config } = locked;
      // A batch lost to a crash right after commit is lost together with its `generated` mark, so
      // the resumed job makes it again: no duplicates, and no fsync wait per batch.
      await tx`SET LOCAL synchronous_commit = off`;
      const at = now();
      if (!run.generationStartedAt) await tx`UPDATE send_runs SET generation_started_at = ${at} WHERE id = ${runId}`;
      const from = run.generated + 1;
      const to = Math.min(run.generated + batchSize, run.total);
      if (from <= to) {
        const [{ n }] = await tx<{ n: number }[]>`
          WITH plan AS (
            SELECT * FROM jsonb_to_recordset(${tx.json(run.plan as never)}) AS p("instanceId" uuid, lo float8, hi float8)
          ),
          ins AS (
            INSERT INTO messages (account_id, instance_id, store_id, recipient, body, source_kind, source_label, source_id, enqueued_at, available_at)
            SELECT ${config.accountId}, p."instanceId", ${config.storeId}, r.phone, ${await trackLinks(tx, { runId, accountId: config.accountId }, config.body, (text) => bodyExpression(tx, text, config.storeId), tx`r.position`)}, 'send', ${config.name}, ${runId},
                   ${at}::timestamptz + r.position * interval '1 microsecond', ${at}
            FROM send_recipients r
            CROSS JOIN LATERAL (SELECT r.position * 0.6180339887498949::float8 AS x) g
            JOIN plan p ON g.x - floor(g.x) >= p.lo AND g.x - floor(g.x) < p.hi
            WHERE r.config_id = ${config.id} AND r.position BETWEEN ${from} AND ${to}
            RETURNING 1
          )
          SELECT count(*)::int AS n FROM ins`;
        const seq = await tx<{ seq: number }[]>`SELECT coalesce(max(seq), 0) + 1 AS seq FROM send_batches WHERE run_id = ${runId}`;
        await tx`
          INSERT INTO send_batches (run_id, seq, from_position, to_position, count, started_at, finished_at)
          VALUES (${runId}, ${seq[0]!.seq}, ${from}, ${to}, ${n}, ${at}, ${now()})`;
        await tx`UPDATE send_runs SET generated = ${to} WHERE id = ${runId}`;
        await wakeDispatchers(tx);
        batches++;
      }
      if (to >= run.total) {
        await tx`UPDATE send_runs SET generation_finished_at = ${now()} WHERE id = ${runId}`;
        return false;
      }
      return true;
    });
    if (!more) return batches;
  }
}

/**
 * IN-PROGRESS → Concluído for runs whose messages have all ended (sent, failed or removed), a
 * temporary failure still due a retry within the validity period not counting as ended.
 */
export async function completeRuns(): Promise<number> {
  const sql = getSql();
  const candidates = await sql.unsafe<{ id: string }[]>(
    `SELECT r.id FROM send_runs r JOIN send_configs c ON c.id = r.config_id
     WHERE r.state = 'in_progress' AND r.generation_finished_at IS NOT NULL
       AND NOT EXISTS (
         SELECT 1 FROM messages m WHERE m.source_kind = 'send' AND m.source_id = r.id
           AND (m.state IN ('queued', 'processing') OR ${awaitingRetry('make_interval(hours => c.validity_hours)', '$1::timestamptz')}))`,
    [now()],
  );
  let done = 0;
  for (const { id } of candidates) {
    await sql.begin(async (tx) => {
      const locked = await lockRun(tx, id);
      if (locked?.run.state !== 'in_progress') return;
      await finishRun(tx, locked.config, id, 'done');
      done++;
    });
  }
  return done;
}

/** Falhou with the reason (a job that ran out of retries). */
export async function failRun(runId: string, reason: string): Promise<void> {
  await getSql().begin(async (tx) => {
    const locked = await lockRun(tx, runId);
    if (!locked || !['processing', 'in_progress'].includes(locked.run.state)) return;
    await finishRun(tx, locked.config, runId, 'failed', reason);
  });
}

/** Carries a run as far as it can go now: start if due, process, generate, complete. Idempotent. */
export async function advanceRun(runId: string, opts: { batchSize?: number } = {}): Promise<RunState | null> {
  await startRun(runId);
  const state = await processRun(runId);
  if (state === 'in_progress') {
    const batches = await generateRun(runId, opts);
    logger.info({ runId, batches }, 'send run generated');
    await completeRuns();
  }
  const [row] = await getSql()<{ state: RunState }[]>`SELECT state FROM send_runs WHERE id = ${runId}`;
  return row?.state ?? null;
}

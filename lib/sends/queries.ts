import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { decodeCursor, encodeCursor } from '@/lib/queue/cursor';
import { listTemplates } from '@/lib/templates/queries';
import { EVENT_ORDER, RUN_COLUMNS, scheduleOf, type RunRow } from './lifecycle';
import { renderText } from './render';
import type { Schedule } from './schedule';
import { currentRun, getConfigOrThrow } from './service';
import { abortDecisionFor, type AbortDecision, type RunState, type SendState } from './states';

const PAGE_SIZE = 25;

// The run a configuration's row shows: the earliest one not ended, else the latest one.
const CURRENT_RUN = `LEFT JOIN LATERAL (
    SELECT ${RUN_COLUMNS}, r.finished_at AS "finishedAt" FROM send_runs r WHERE r.config_id = c.id
    ORDER BY r.state IN ('done', 'failed', 'aborted', 'cancelled'),
             CASE WHEN r.state NOT IN ('done', 'failed', 'aborted', 'cancelled') THEN r.scheduled_at END,
             r.scheduled_at DESC, r.created_at DESC
    LIMIT 1) cur ON true`;

export interface SendListRow {
  id: string;
  name: string;
  storeName: string;
  audience: number;
  schedule: Schedule;
  timeZone: string;
  state: SendState;
  nextAt: Date | null;
  total: number;
  generated: number;
  ended: number;
  abort: AbortDecision;
  createdAt: Date;
}

interface RawListRow extends Omit<SendListRow, 'schedule' | 'abort' | 'state'> {
  state: SendState | null;
  status: 'draft' | 'active' | 'aborted' | 'finished';
  scheduleKind: Schedule['kind'];
  scheduleAt: Date | null;
  scheduleTime: string | null;
  scheduleWeekdays: number[] | null;
  scheduleCron: string | null;
  runState: RunState | null;
  abortRequestedAt: Date | null;
  generationStartedAt: Date | null;
}

/** "Listar Configurações", newest first, filtered by "Estado de Envio", keyset-paginated. */
export async function listSends(actor: Actor, opts: { state?: SendState; cursor?: string }) {
  assertCan(actor, 'viewAccount');
  const cursor = decodeCursor(opts.cursor);
  const rows = await getSql().unsafe<RawListRow[]>(
    `SELECT * FROM (
      SELECT c.id, c.name, s.name AS "storeName", c.audience_valid AS audience, c.status, c.time_zone AS "timeZone",
             c.schedule_kind AS "scheduleKind", c.schedule_at AS "scheduleAt", c.schedule_time AS "scheduleTime",
             c.schedule_weekdays AS "scheduleWeekdays", c.schedule_cron AS "scheduleCron", c.created_at AS "createdAt",
             CASE WHEN c.status = 'draft' THEN 'draft' ELSE cur.state::text END AS state,
             cur.state AS "runState", cur."scheduledAt" AS "nextAt", coalesce(cur.total, c.audience_valid) AS total,
             coalesce(cur.generated, 0) AS generated, cur."abortRequestedAt", cur."generationStartedAt",
             CASE WHEN cur.state = 'done' THEN cur.total
                  WHEN cur.state = 'in_progress' THEN (SELECT count(*)::int FROM messages m WHERE m.source_kind = 'send'
                       AND m.source_id = cur.id AND m.state IN ('sent', 'failed', 'removed'))
                  ELSE 0 END AS ended
      FROM send_configs c JOIN stores s ON s.id = c.store_id ${CURRENT_RUN}
      WHERE c.account_id = $1 AND ($2::timestamptz IS NULL OR (c.created_at, c.id) <
        -- created_at is the database's now() (microseconds), the cursor a JS Date (milliseconds): the
        -- cursor row's own stored time keeps the keyset exact.
        (coalesce((SELECT created_at FROM send_configs WHERE id = $3::uuid), $2::timestamptz), $3::uuid))
    ) x WHERE ($4::text IS NULL OR x.state = $4)
    ORDER BY x."createdAt" DESC, x.id DESC LIMIT ${PAGE_SIZE + 1}`,
    [actor.accountId, cursor?.at ?? null, cursor?.id ?? null, opts.state ?? null],
  );
  const page = rows.slice(0, PAGE_SIZE).map(
    (r): SendListRow => ({
      id: r.id,
      name: r.name,
      storeName: r.storeName,
      audience: r.audience,
      schedule: scheduleOf(r),
      timeZone: r.timeZone,
      state: r.state ?? 'draft',
      nextAt: r.nextAt,
      total: r.total,
      generated: r.generated,
      ended: r.ended,
      abort: abortDecisionFor(r.status, r.runState && { state: r.runState, abortRequestedAt: r.abortRequestedAt, generationStartedAt: r.generationStartedAt }),
      createdAt: r.createdAt,
    }),
  );
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}

export interface RunDetail extends RunRow {
  failureReason: string | null;
  finishedAt: Date | null;
  events: { state: RunState; at: Date; note: string | null; by: string | null }[];
  batches: { seq: number; fromPosition: number; toPosition: number; count: number; finishedAt: Date }[];
  counts: { queued: number; sent: number; failed: number; removed: number };
  instances: { id: string; name: string; queued: number }[];
}

/** The detail page: configuration, audience summary and preview, and each run with its timeline and figures. */
export async function getSendDetail(actor: Actor, configId: string) {
  assertCan(actor, 'viewAccount');
  await getConfigOrThrow(actor.accountId, configId);
  const sql = getSql();
  const [config] = await sql<
    {
      id: string;
      name: string;
      body: string;
      storeId: string;
      storeName: string;
      status: 'draft' | 'active' | 'aborted' | 'finished';
      instanceIds: string[];
      timeZone: string;
      validityHours: number;
      audienceState: 'empty' | 'importing' | 'ready' | 'failed';
      audienceFileName: string | null;
      audienceError: string | null;
      audienceColumns: string[] | null;
      valid: number;
      invalid: number;
      duplicates: number;
      confirmedAt: Date | null;
      confirmedBy: string | null;
      createdAt: Date;
      scheduleKind: Schedule['kind'];
      scheduleAt: Date | null;
      scheduleTime: string | null;
      scheduleWeekdays: number[] | null;
      scheduleCron: string | null;
    }[]
  >`
    SELECT c.id, c.name, c.body, c.store_id AS "storeId", s.name AS "storeName", c.status, c.instance_ids AS "instanceIds",
           c.time_zone AS "timeZone", c.validity_hours AS "validityHours", c.audience_state AS "audienceState",
           c.audience_file_name AS "audienceFileName", c.audience_error AS "audienceError", c.audience_columns AS "audienceColumns",
           c.audience_valid AS valid, c.audience_invalid AS invalid, c.audience_duplicates AS duplicates,
           c.confirmed_at AS "confirmedAt", u.name AS "confirmedBy", c.created_at AS "createdAt",
           c.schedule_kind AS "scheduleKind", c.schedule_at AS "scheduleAt", c.schedule_time AS "scheduleTime",
           c.schedule_weekdays AS "scheduleWeekdays", c.schedule_cron AS "scheduleCron"
    FROM send_configs c JOIN stores s ON s.id = c.store_id LEFT JOIN users u ON u.id = c.confirmed_by
    WHERE c.id = ${configId}`;
  const c = config!;
  const chosen = await sql<{ id: string; name: string }[]>`
    SELECT i.id, i.name FROM instances i
    WHERE i.account_id = ${actor.accountId} AND i.deleted_at IS NULL
      AND (CASE WHEN cardinality(${c.instanceIds}::uuid[]) > 0 THEN i.id = ANY(${c.instanceIds}::uuid[])
                ELSE EXISTS (SELECT 1 FROM instance_stores x WHERE x.instance_id = i.id AND x.store_id = ${c.storeId}) END)
    ORDER BY i.name`;
  const preview = await sql<{ lineNo: number; phone: string; name: string | null; vars: Record<string, string> | null }[]>`
    SELECT line_no AS "lineNo", phone, name, vars FROM send_recipients WHERE config_id = ${configId} ORDER BY position LIMIT 5`;
  const errors = await sql<{ lineNo: number; reason: string }[]>`
    SELECT line_no AS "lineNo", reason FROM send_audience_errors WHERE config_id = ${configId} ORDER BY line_no LIMIT 5`;
  const runs = await sql.unsafe<(RunRow & { failureReason: string | null; finishedAt: Date | null })[]>(
    `SELECT ${RUN_COLUMNS}, r.failure_reason AS "failureReason", r.finished_at AS "finishedAt"
     FROM send_runs r WHERE r.config_id = $1 ORDER BY r.scheduled_at DESC, r.created_at DESC LIMIT 10`,
    [configId],
  );
  const details: RunDetail[] = [];
  for (const run of runs) {
    const [events, batches, counts, instances] = await Promise.all([
      sql.unsafe<RunDetail['events']>(
        `SELECT e.state, e.at, e.note, u.name AS by FROM send_run_events e LEFT JOIN users u ON u.id = e.by_user_id
         WHERE e.run_id = $1 ORDER BY ${EVENT_ORDER}`,
        [run.id],
      ),
      sql<RunDetail['batches']>`
        SELECT seq, from_position AS "fromPosition", to_position AS "toPosition", count, finished_at AS "finishedAt"
        FROM send_batches WHERE run_id = ${run.id} ORDER BY seq DESC LIMIT 20`,
      sql<{ state: string; n: number }[]>`
        SELECT state, count(*)::int AS n FROM messages WHERE source_kind = 'send' AND source_id = ${run.id} GROUP BY state`,
      sql<RunDetail['instances']>`
        SELECT i.id, i.name, count(m.id)::int AS queued FROM instances i
        LEFT JOIN messages m ON m.instance_id = i.id AND m.source_kind = 'send' AND m.source_id = ${run.id} AND m.state = 'queued'
        WHERE i.id = ANY(${(run.plan ?? []).map((p) => p.instanceId)}::uuid[]) GROUP BY i.id ORDER BY i.name`,
    ]);
    const n = (s: string) => counts.find((x) => x.state === s)?.n ?? 0;
    details.push({
      ...run,
      events,
      batches,
      counts: { queued: n('queued') + n('processing'), sent: n('sent'), failed: n('failed'), removed: n('removed') },
      instances,
    });
  }
  const current = await currentRun(sql, configId, false);
  return {
    config: { ...c, schedule: scheduleOf(c) },
    instances: chosen,
    preview: preview.map((p) => ({ ...p, message: renderText(c.body, { ...p, storeName: c.storeName }) })),
    errors,
    runs: details,
    abort: abortDecisionFor(c.status, current),
  };
}

/** The full error report as CSV lines (line, reason, original line), streamed by the download route. */
export async function* audienceErrorLines(actor: Actor, configId: string): AsyncGenerator<string> {
  assertCan(actor, 'viewAccount');
  await getConfigOrThrow(actor.accountId, configId);
  yield 'linha,motivo,conteudo\n';
  const cursor = getSql()<{ lineNo: number; reason: string; raw: string }[]>`
    SELECT line_no AS "lineNo", reason, raw FROM send_audience_errors WHERE config_id = ${configId} ORDER BY line_no`.cursor(1000);
  for await (const rows of cursor) {
    yield stringify(
      rows.map((r) => [r.lineNo, r.reason, r.raw]),
      { quoted_string: true },
    );
  }
}

/** What "Nova configuração" offers: the account's stores (with the instances serving each) and instances. */
export async function sendFormOptions(actor: Actor) {
  assertCan(actor, 'viewAccount');
  const sql = getSql();
  const [stores, instances, account, templates] = await Promise.all([
    sql<{ id: string; name: string; instanceIds: string[] }[]>`
      SELECT s.id, s.name, coalesce(array_agg(x.instance_id) FILTER (WHERE x.instance_id IS NOT NULL), '{}') AS "instanceIds"
      FROM stores s LEFT JOIN instance_stores x ON x.store_id = s.id
      WHERE s.account_id = ${actor.accountId} GROUP BY s.id ORDER BY s.name`,
    sql<{ id: string; name: string; status: string }[]>`
      SELECT id, name, status FROM instances WHERE account_id = ${actor.accountId} AND deleted_at IS NULL ORDER BY name`,
    sql<{ timeZone: string }[]>`SELECT time_zone AS "timeZone" FROM accounts WHERE id = ${actor.accountId}`,
    listTemplates(actor),
  ]);
  return { stores, instances, timeZone: account[0]!.timeZone, templates: templates.map((t) => ({ id: t.id, name: t.name, body: t.body })) };
}

import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { feedbackInstanceIds, logStatus } from './feedback';

/** The six "Implantação" indicators of a run as counts; percentages are derived (see percentages()). */
export interface RunStats {
  runId: string;
  toDeliver: number;
  sent: number;
  delivered: number;
  errors: number;
  pending: number;
  read: number;
  clicked: number;
  computedAt: Date;
}

const STATS_COLUMNS = `run_id AS "runId", to_deliver AS "toDeliver", sent, delivered, errors, pending, read, clicked, computed_at AS "computedAt"`;

/**
 * Recomputes one run's indicators in one set-based statement over its messages (the
 * (source_id, state) index of send messages) and stores the snapshot. Returns null for an unknown run.
 */
export async function computeRunStats(runId: string): Promise<RunStats | null> {
  const sql = getSql();
  const [run] = await sql<{ accountId: string }[]>`SELECT account_id AS "accountId" FROM send_runs WHERE id = ${runId}`;
  if (!run) return null;
  const fb = await feedbackInstanceIds(sql, run.accountId);
  const [row] = await sql.unsafe<RunStats[]>(
    `WITH run AS (
       SELECT r.id, r.account_id, r.total, make_interval(hours => c.validity_hours) AS validity
       FROM send_runs r JOIN send_configs c ON c.id = r.config_id WHERE r.id = $1
     ),
     m AS (
       SELECT m.state, m.delivery_status, m.read_at, (${logStatus('run.validity', '$3::timestamptz')}) AS log
       FROM run JOIN messages m ON m.source_kind = 'send' AND m.source_id = run.id
       CROSS JOIN LATERAL (SELECT m.instance_id = ANY($2::uuid[]) AS fb) f
     ),
     agg AS (
       SELECT count(*) FILTER (WHERE state = 'removed')::int AS removed,
              count(*) FILTER (WHERE log IS NOT NULL)::int AS sent,
              count(*) FILTER (WHERE log = 'sent')::int AS delivered,
              count(*) FILTER (WHERE log = 'failed')::int AS errors,
              count(*) FILTER (WHERE log = 'pending')::int AS pending,
              count(*) FILTER (WHERE log IS NOT NULL AND (delivery_status = 'read' OR read_at IS NOT NULL))::int AS read
       FROM m
     )
     INSERT INTO delivery_stats (run_id, account_id, to_deliver, sent, delivered, errors, pending, read, clicked, computed_at)
     SELECT run.id, run.account_id, greatest(run.total - agg.removed, 0), agg.sent, agg.delivered, agg.errors, agg.pending, agg.read,
            (SELECT count(DISTINCT c.position)::int FROM link_clicks c WHERE c.run_id = run.id), $3
     FROM run, agg
     ON CONFLICT (run_id) DO UPDATE SET to_deliver = excluded.to_deliver, sent = excluded.sent, delivered = excluded.delivered,
       errors = excluded.errors, pending = excluded.pending, read = excluded.read, clicked = excluded.clicked, computed_at = excluded.computed_at
     RETURNING ${STATS_COLUMNS}`,
    [runId, fb, now()],
  );
  return row ?? null;
}

export async function storedRunStats(runId: string): Promise<RunStats | null> {
  const [row] = await getSql().unsafe<RunStats[]>(`SELECT ${STATS_COLUMNS} FROM delivery_stats WHERE run_id = $1`, [runId]);
  return row ?? null;
}

export interface Percentages {
  delivered: number;
  errors: number;
  read: number;
  clicked: number;
}

/** "% Entregues", "% Rejeições + erros", "% Lidas", "% Cliques": over the messages sent ("Enviadas"); 0 before any. */
export function percentages(s: Pick<RunStats, 'sent' | 'delivered' | 'errors' | 'read' | 'clicked'>): Percentages {
  const pct = (n: number) => (s.sent === 0 ? 0 : Math.round((n / s.sent) * 1000) / 10);
  return { delivered: pct(s.delivered), errors: pct(s.errors), read: pct(s.read), clicked: pct(Math.min(s.clicked, s.sent)) };
}

/**
 * While a run generates or sends, the block's figures are recomputed on read when older than this:
 * 5 s, or 60 s for runs over 100,000 messages (one recompute of 1,000,000 messages takes 2–5 s).
 */
export function liveMaxAgeMs(total: number): number {
  return total > 100_000 ? 60_000 : 5_000;
}

/** How long after a run ends the hourly job keeps refreshing it (read receipts and clicks trickle in). */
export const REFRESH_WINDOW_DAYS = 7;

/**
 * The hourly refresh: every run still sending, or ended within the window (including its validity
 * period), gets a fresh snapshot. Returns how many.
 */
export async function refreshRecentStats(): Promise<number> {
  const runs = await getSql()<{ id: string }[]>`
    SELECT r.id FROM send_runs r JOIN send_configs c ON c.id = r.config_id
    WHERE r.generation_started_at IS NOT NULL
      AND (r.finished_at IS NULL OR r.finished_at > ${now()}::timestamptz - make_interval(days => ${REFRESH_WINDOW_DAYS}, hours => c.validity_hours))
    ORDER BY r.generation_started_at DESC`;
  for (const { id } of runs) await computeRunStats(id);
  return runs.length;
}

/** The sending logs ("Envio de status de logs"): each message handed over, with its status, in audience order. */
export async function runLogs(runId: string, limit = 100): Promise<{ messageId: string; recipient: string; status: 'pending' | 'sent' | 'failed' }[]> {
  const sql = getSql();
  const [run] = await sql<{ accountId: string }[]>`SELECT account_id AS "accountId" FROM send_runs WHERE id = ${runId}`;
  if (!run) return [];
  return sql.unsafe(
    `SELECT m.id AS "messageId", m.recipient, l.status
     FROM send_runs r JOIN send_configs c ON c.id = r.config_id
     JOIN messages m ON m.source_kind = 'send' AND m.source_id = r.id
     CROSS JOIN LATERAL (SELECT m.instance_id = ANY($2::uuid[]) AS fb) f
     CROSS JOIN LATERAL (SELECT ${logStatus('make_interval(hours => c.validity_hours)', '$3::timestamptz')} AS status) l
     WHERE r.id = $1 AND l.status IS NOT NULL
     ORDER BY m.enqueued_at, m.id LIMIT $4`,
    [runId, await feedbackInstanceIds(sql, run.accountId), now(), limit],
  );
}

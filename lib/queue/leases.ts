import { getSql } from '@/db/client';
import { LEASE_MS, MAX_ATTEMPTS } from './pacing';

/**
 * The repair sweep (ARCHITECTURE §6): a message still `processing` past its lease belonged to a
 * worker that died or hung. It returns to the queue (or fails, when that was its last attempt),
 * keeping its place in line; the provider recognises a repeated send by the message id. Instances
 * whose in-flight marker points at nothing in flight are freed too. Returns the messages returned.
 */
export async function sweepExpiredLeases(opts: { at: Date; day: string; accountId?: string }): Promise<number> {
  const { at, day } = opts;
  const sql = getSql();
  const scope = opts.accountId ? sql`AND account_id = ${opts.accountId}` : sql``;
  const [row] = await sql<{ n: number }[]>`
    WITH expired AS (
      SELECT id FROM messages WHERE state = 'processing' AND lease_expires_at < ${at} ${scope}
      ORDER BY lease_expires_at LIMIT 5000 FOR UPDATE SKIP LOCKED
    ),
    upd AS (
      UPDATE messages m SET
        state = (CASE WHEN m.attempts >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'queued' END)::message_state,
        failed_at = CASE WHEN m.attempts >= ${MAX_ATTEMPTS} THEN ${at}::timestamptz ELSE m.failed_at END,
        last_error = 'O envio não terminou a tempo (processo interrompido); a mensagem voltou para a fila.',
        lease_expires_at = NULL, claimed_by = NULL
      FROM expired e WHERE m.id = e.id AND m.state = 'processing'
      RETURNING m.id, m.instance_id, m.attempts, m.claimed_at, m.state
    ),
    freed AS (
      UPDATE instances i SET in_flight_message_id = NULL FROM upd u
      WHERE i.id = u.instance_id AND i.in_flight_message_id = u.id RETURNING 1
    ),
    failed_daily AS (
      INSERT INTO instance_daily_stats (instance_id, day, failed)
      SELECT instance_id, ${day}::date, count(*) FROM upd WHERE state = 'failed' GROUP BY instance_id
      ON CONFLICT (instance_id, day) DO UPDATE SET failed = instance_daily_stats.failed + excluded.failed
      RETURNING 1
    ),
    timeline AS (
      INSERT INTO message_attempts (message_id, attempt, instance_id, started_at, finished_at, outcome, error)
      SELECT id, attempts, instance_id, coalesce(claimed_at, ${at}::timestamptz), ${at}::timestamptz, 'lease_expired', 'Lease expirado'
      FROM upd ON CONFLICT DO NOTHING RETURNING 1
    )
    SELECT (SELECT count(*) FROM upd)::int AS n, (SELECT count(*) FROM freed) AS f, (SELECT count(*) FROM failed_daily) AS d, (SELECT count(*) FROM timeline) AS t`;
  // A marker pointing at a message no longer in flight (left by a crash between statements) frees
  // its instance once it is older than a lease; the age check also re-runs on a row a concurrent
  // claim just updated, so a fresh claim is never freed by mistake.
  await sql`
    UPDATE instances i SET in_flight_message_id = NULL
    WHERE i.in_flight_message_id IS NOT NULL ${scope} AND i.next_send_at < ${new Date(at.getTime() - LEASE_MS)}
      AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = i.in_flight_message_id AND m.state = 'processing')`;
  return row?.n ?? 0;
}

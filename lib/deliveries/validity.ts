import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { awaitingRetry } from './feedback';

/** After the queue's own quick retries, a temporary failure is tried again this often while its validity period lasts. */
export const VALIDITY_RETRY_MS = 15 * 60_000;

/**
 * The validity period of a send ("período de validade", default 24 h from a message's first
 * attempt): a message that failed on a temporary error goes back to its queue while the period is
 * open; one still waiting for a retry when it closes fails for good ("Com falha"). Set-based, per
 * run through the (source_id, state) index of send messages, over runs that can still have such
 * messages. Returns how many messages were requeued and expired.
 */
export async function sweepValidity(): Promise<{ requeued: number; expired: number }> {
  const sql = getSql();
  const at = now();
  const runs = `SELECT r.id, make_interval(hours => c.validity_hours) AS validity
    FROM send_runs r JOIN send_configs c ON c.id = r.config_id
    WHERE r.generation_started_at IS NOT NULL
      AND (r.finished_at IS NULL OR r.finished_at > $1::timestamptz - make_interval(hours => c.validity_hours))`;
  const requeued = await sql.unsafe(
    `UPDATE messages m SET state = 'queued', available_at = $2, failed_at = NULL
     FROM (${runs}) run
     WHERE m.source_kind = 'send' AND m.source_id = run.id AND ${awaitingRetry('run.validity', '$2::timestamptz')}`,
    [at, new Date(at.getTime() + VALIDITY_RETRY_MS)],
  );
  const expired = await sql.unsafe(
    `UPDATE messages m SET state = 'failed', failed_at = $1, last_error = 'Período de validade encerrado. ' || coalesce(m.last_error, '')
     FROM (${runs}) run
     WHERE m.source_kind = 'send' AND m.source_id = run.id AND m.state = 'queued' AND m.attempts > 0
       AND (SELECT f.started_at FROM message_attempts f WHERE f.message_id = m.id AND f.attempt = 1) + run.validity <= $1`,
    [at],
  );
  return { requeued: requeued.count, expired: expired.count };
}

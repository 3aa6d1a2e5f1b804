import postgres from 'postgres';
import { getSql } from '@/db/client';
import type { FailureKind } from '@/lib/providers/types';
import type { ClaimedMessage } from './claim';
import { afterFailure } from './pacing';

export interface SendResult {
  claim: ClaimedMessage;
  ok: boolean;
  kind?: FailureKind;
  error?: string;
  httpStatus?: number;
  providerMessageId?: string;
  /** For successes: whether a receipt will follow (pending) or the send counts as delivered now. */
  awaitsReceipt?: boolean;
}

type Next = 'sent' | 'retry' | 'failed' | 'auth';

function nextOf(r: SendResult, at: Date): { next: Next; availableAt: Date | null } {
  if (r.ok) return { next: 'sent', availableAt: null };
  if (r.kind === 'auth') return { next: 'auth', availableAt: null };
  const after = afterFailure(r.kind ?? 'transient', r.claim.attempt, at);
  return after.state === 'failed' ? { next: 'failed', availableAt: null } : { next: 'retry', availableAt: after.availableAt };
}

/**
 * Records a batch of provider outcomes in one statement: each message leaves `processing` only if
 * it still holds the claim it was sent under (state and attempt match: a late answer after the
 * lease expired changes nothing), its instance is freed, the day's rollup grows and the attempt is
 * written to the timeline. Credentials refused (auth) disconnect the instance and give the message
 * back without spending an attempt.
 */
export async function completeBatch(results: SendResult[], opts: { at: Date; day: string; workerId: string }): Promise<number> {
  if (results.length === 0) return 0;
  const { at, day, workerId } = opts;
  const decided = results.map((r) => ({ r, ...nextOf(r, at) }));
  const col = <T>(f: (d: (typeof decided)[number]) => T) => decided.map(f);
  const record = () => getSql()`
    WITH r AS (
      SELECT * FROM unnest(
        ${col((d) => d.r.claim.id)}::uuid[], ${col((d) => d.r.claim.attempt)}::int[], ${col((d) => d.next)}::text[],
        ${col((d) => (d.r.ok ? 'sent' : (d.r.kind ?? 'transient')))}::text[], ${col((d) => d.r.error ?? null)}::text[],
        ${col((d) => d.r.httpStatus ?? null)}::int[], ${col((d) => d.r.providerMessageId ?? null)}::text[],
        ${col((d) => d.availableAt?.toISOString() ?? null)}::timestamptz[],
        ${col((d) => (d.r.awaitsReceipt ? 'pending' : 'delivered'))}::text[], ${col((d) => d.r.claim.claimedAt.toISOString())}::timestamptz[]
      ) AS r(id, attempt, next, outcome, error, http_status, provider_message_id, available_at, delivery, started_at)
    ),
    upd AS (
      UPDATE messages m SET
        state = (CASE r.next WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed' ELSE 'queued' END)::message_state,
        attempts = CASE WHEN r.next = 'auth' THEN m.attempts - 1 ELSE m.attempts END,
        sent_at = CASE WHEN r.next = 'sent' THEN ${at}::timestamptz ELSE m.sent_at END,
        failed_at = CASE WHEN r.next = 'failed' THEN ${at}::timestamptz ELSE m.failed_at END,
        available_at = coalesce(r.available_at, m.available_at),
        provider_message_id = coalesce(r.provider_message_id, m.provider_message_id),
        last_error = CASE WHEN r.next = 'sent' THEN m.last_error ELSE r.error END,
        delivery_status = CASE WHEN r.next = 'sent' THEN r.delivery::delivery_status ELSE m.delivery_status END,
        delivered_at = CASE WHEN r.next = 'sent' AND r.delivery = 'delivered' THEN ${at}::timestamptz ELSE m.delivered_at END,
        lease_expires_at = NULL,
        claimed_by = NULL
      FROM r
      WHERE m.id = r.id AND m.state = 'processing' AND m.attempts = r.attempt
      RETURNING m.id, m.instance_id
    ),
    done AS (SELECT u.id, u.instance_id, r.next, r.outcome, r.error, r.http_status, r.attempt, r.started_at FROM upd u JOIN r ON r.id = u.id),
    freed AS (
      UPDATE instances i SET
        in_flight_message_id = NULL,
        status = CASE WHEN d.next = 'auth' THEN 'disconnected'::instance_status ELSE i.status END,
        status_reason = CASE WHEN d.next = 'auth' THEN d.error ELSE i.status_reason END
      FROM done d
      WHERE i.id = d.instance_id AND i.in_flight_message_id = d.id
      RETURNING i.id
    ),
    daily AS (
      INSERT INTO instance_daily_stats (instance_id, day, sent, failed)
      SELECT instance_id, ${day}::date, count(*) FILTER (WHERE next = 'sent'), count(*) FILTER (WHERE next = 'failed')
      FROM done WHERE next IN ('sent', 'failed') GROUP BY instance_id
      ON CONFLICT (instance_id, day) DO UPDATE
        SET sent = instance_daily_stats.sent + excluded.sent, failed = instance_daily_stats.failed + excluded.failed
      RETURNING 1
    ),
    timeline AS (
      INSERT INTO message_attempts (message_id, attempt, instance_id, started_at, finished_at, outcome, error, http_status, worker_id)
      SELECT id, attempt, instance_id, started_at, ${at}::timestamptz, outcome, error, http_status, ${workerId} FROM done
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM done)::int AS done, (SELECT count(*) FROM freed)::int AS freed,
           (SELECT count(*) FROM daily)::int AS days, (SELECT count(*) FROM timeline)::int AS attempts`;
  // The instances this touches may be locked in another order by a concurrent enqueue (its counter
  // trigger): a deadlock aborts one side, and losing these outcomes would leave the messages to
  // their lease and send them again. The statement applied nothing when it aborted: run it again.
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await record();
      return (result[0] as { done: number }).done;
    } catch (e) {
      if (attempt >= 5 || !(e instanceof postgres.PostgresError) || e.code !== '40P01') throw e;
    }
  }
}

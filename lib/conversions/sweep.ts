import 'server-only';
import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { DELIVERY_LOOPS, addTally, deliverDestination, emptyTally, type DeliveryOptions, type DeliveryTally } from './deliver';

/** A claim older than this belongs to a worker that died mid-request (requests time out long before). */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Crash repair: an event left in Enviando/Reenviando under a stale claim had its attempt cut
 * short. It is recorded as an interrupted attempt and goes to Esperando Retentativa, due at once
 * (the platform never answered, and event_id makes a duplicate harmless).
 */
export async function repairStaleClaims(at = now()): Promise<number> {
  const cutoff = new Date(at.getTime() - CLAIM_LEASE_MS);
  const rows = await getSql()`
    WITH stale AS (
      SELECT id FROM conversion_events WHERE claim_token IS NOT NULL AND claimed_at < ${cutoff}
      FOR UPDATE SKIP LOCKED
    ),
    upd AS (
      UPDATE conversion_events e SET status = 'waiting_retry', claim_token = NULL, next_attempt_at = ${at}, last_attempt_at = e.claimed_at,
        claimed_at = NULL, last_error = 'Tentativa interrompida (o worker parou no meio do envio).', last_http_status = NULL
      FROM stale WHERE e.id = stale.id
      RETURNING e.id, e.attempts, e.last_attempt_at
    )
    INSERT INTO conversion_attempts (event_id, attempt, started_at, duration_ms, outcome, error)
    SELECT id, attempts, last_attempt_at, ${CLAIM_LEASE_MS}, 'lease_expired', 'Tentativa interrompida (o worker parou no meio do envio).' FROM upd
    ON CONFLICT DO NOTHING
    RETURNING event_id`;
  return rows.length;
}

/** Active destinations with at least one due event (first attempts not picked up, retries whose 30 minutes passed). */
export async function destinationsWithDueWork(at = now()): Promise<string[]> {
  const rows = await getSql()<{ id: string }[]>`
    SELECT d.id FROM conversion_destinations d
    WHERE d.active AND EXISTS (
      SELECT 1 FROM conversion_events e
      WHERE e.destination_id = d.id AND e.status IN ('sending', 'waiting_retry') AND e.claim_token IS NULL AND e.next_attempt_at <= ${at})`;
  return rows.map((r) => r.id);
}

/**
 * The retry job's body: repairs what a crash left, then delivers every destination's due events,
 * `parallel` request loops at a time (several loops on one destination are safe: SKIP LOCKED).
 */
export async function runConversionSweep(opts: DeliveryOptions & { parallel?: number } = {}): Promise<DeliveryTally & { repaired: number; destinations: number }> {
  const repaired = await repairStaleClaims();
  const destinations = await destinationsWithDueWork();
  const parallel = Math.max(1, opts.parallel ?? DELIVERY_LOOPS);
  const work = destinations.length === 1 ? Array.from({ length: parallel }, () => destinations[0]!) : destinations;
  const tally = emptyTally();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, work.length) }, async () => {
      while (next < work.length) addTally(tally, await deliverDestination(work[next++]!, opts));
    }),
  );
  return { ...tally, repaired, destinations: destinations.length };
}

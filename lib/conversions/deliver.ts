import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Sql, TransactionSql } from 'postgres';
import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { unseal } from '@/lib/crypto';
import { env } from '@/lib/env';
import { PLATFORMS } from './platforms';
import type { BatchOutcome, OutgoingConversion, PlatformDestination } from './platforms/types';
import type { DestinationKind } from './schemas';
import { EXPIRED_REASON, statusAfter, type ConversionStatus } from './states';

export interface DeliveryOptions {
  /** Events per platform request (the platform's maximum when larger). */
  batchSize?: number;
  /** Per-request timeout; a timeout is an external problem (Esperando Retentativa). */
  timeoutMs?: number;
}

export interface DeliveryTally {
  sent: number;
  succeeded: number;
  failed: number;
  waiting: number;
  expired: number;
}

interface LoadedDestination extends PlatformDestination {
  kind: DestinationKind;
  active: boolean;
}

type Claimed = OutgoingConversion;

export const emptyTally = (): DeliveryTally => ({ sent: 0, succeeded: 0, failed: 0, waiting: 0, expired: 0 });

export function addTally(into: DeliveryTally, t: DeliveryTally): DeliveryTally {
  for (const k of Object.keys(into) as (keyof DeliveryTally)[]) into[k] += t[k];
  return into;
}

const retryIntervalMs = () => env().POMBO_RETRY_INTERVAL_MINUTES * 60_000;

export async function loadDestination(id: string): Promise<LoadedDestination | null> {
  const [row] = await getSql()<{ id: string; kind: DestinationKind; config: Record<string, unknown>; secret: string | null; active: boolean }[]>`
    SELECT id, kind, config, secret, active FROM conversion_destinations WHERE id = ${id}`;
  return row ? { ...row, secret: row.secret ? unseal(row.secret) : null } : null;
}

const CLAIMED_COLUMNS = (sql: Sql | TransactionSql) => sql`
  e.id, e.event_id AS "eventId", e.event_name AS "eventName", e.event_time AS "eventTime",
  e.action_source AS "actionSource", e.event_source_url AS "eventSourceUrl", e.user_data AS "userData", e.custom_data AS "customData"`;

/**
 * Claims and outcomes commit without waiting for the WAL flush: a crash of Postgres can lose the
 * last few hundred milliseconds of them, which the design already survives (a lost claim leaves the
 * event due; a lost outcome leaves a stale claim the sweep repairs, and event_id makes the resend
 * harmless). It saves one fsync per batch statement on the hot path.
 */
async function relaxedCommit<T>(run: (sql: TransactionSql) => Promise<T>): Promise<T> {
  return getSql().begin(async (tx) => {
    await tx`SET LOCAL synchronous_commit = off`;
    return run(tx);
  }) as Promise<T>;
}

/** Events still waiting for their first or next attempt that left the platform's window: Falha "expirado". */
async function expireDue(destinationId: string, kind: DestinationKind, at: Date, ids?: string[]): Promise<number> {
  const sql = getSql();
  const oldest = new Date(at.getTime() - PLATFORMS[kind].windowMs);
  const rows = await sql`
    UPDATE conversion_events SET status = 'failed', failure_reason = ${EXPIRED_REASON}, finished_at = ${at},
      last_error = 'Fora da janela de aceitação da plataforma: o evento não será mais enviado.'
    WHERE destination_id = ${destinationId} AND claim_token IS NULL AND event_time < ${oldest}
      AND ${ids ? sql`id = ANY(${ids}::uuid[]) AND status IN ('waiting_retry', 'failed') AND failure_reason IS DISTINCT FROM ${EXPIRED_REASON}` : sql`status IN ('sending', 'waiting_retry') AND next_attempt_at <= ${at}`}
    RETURNING id`;
  return rows.length;
}

/**
 * Claims up to `limit` due events of one destination (first attempts and retries whose time has
 * come), skipping rows another worker holds. Retries become Reenviando. The claim token fences
 * the completion: only the holder's answer is recorded. Ordered by the due index alone (no tie-break
 * column), so each batch stops after `limit` index entries instead of sorting every due row.
 */
async function claimDue(destinationId: string, token: string, limit: number, at: Date): Promise<Claimed[]> {
  // ARRAY(subquery) runs once; `id = ANY(…)` then updates through the primary key, never a scan.
  return relaxedCommit((sql) => sql<Claimed[]>`
    UPDATE conversion_events e SET claim_token = ${token}, claimed_at = ${at}, attempts = e.attempts + 1,
      status = CASE WHEN e.status = 'waiting_retry' THEN 'resending'::conversion_status ELSE e.status END
    WHERE e.id = ANY(ARRAY(
      SELECT id FROM conversion_events
      WHERE destination_id = ${destinationId} AND status IN ('sending', 'waiting_retry') AND claim_token IS NULL AND next_attempt_at <= ${at}
      ORDER BY next_attempt_at LIMIT ${limit}
      FOR UPDATE SKIP LOCKED))
    RETURNING ${CLAIMED_COLUMNS(sql)}`);
}

/** "Reenviar agora": claims the given events (Esperando Retentativa or Falha, not expired) as Reenviando. */
async function claimIds(accountId: string, destinationId: string, ids: string[], token: string, at: Date): Promise<Claimed[]> {
  const sql = getSql();
  return sql<Claimed[]>`
    WITH picked AS (
      SELECT id FROM conversion_events
      WHERE account_id = ${accountId} AND destination_id = ${destinationId} AND id = ANY(${ids}::uuid[]) AND status IN ('waiting_retry', 'failed')
        AND claim_token IS NULL AND failure_reason IS DISTINCT FROM ${EXPIRED_REASON}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE conversion_events e SET claim_token = ${token}, claimed_at = ${at}, attempts = e.attempts + 1,
      status = 'resending', failure_reason = NULL, finished_at = NULL
    FROM picked WHERE e.id = picked.id
    RETURNING ${CLAIMED_COLUMNS(sql)}`;
}

async function callPlatform(destination: LoadedDestination, events: Claimed[], timeoutMs: number): Promise<BatchOutcome> {
  try {
    return await PLATFORMS[destination.kind].send(destination, events, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    // A bad stored config (zod) or a bug in an adapter must not leave the claim dangling.
    return { outcome: 'permanent', error: e instanceof Error ? e.message : String(e) };
  }
}

/** Records one request's answer for its events in one statement, under the claim token. */
async function complete(destination: LoadedDestination, events: Claimed[], token: string, answer: BatchOutcome, started: Date, manual: boolean): Promise<DeliveryTally> {
  const at = now();
  const oldest = at.getTime() - PLATFORMS[destination.kind].windowMs;
  // One outcome per request; only expiry (a transient answer past the window) tells events apart.
  const status = statusAfter(answer.outcome, false);
  const expired = answer.outcome === 'transient' ? events.filter((e) => e.eventTime.getTime() < oldest).map((e) => e.id) : [];
  const nextAt = new Date(at.getTime() + retryIntervalMs());
  const rows = await relaxedCommit((sql) => sql<{ status: ConversionStatus; reason: string | null }[]>`
    WITH upd AS (
      UPDATE conversion_events e SET
        status = (CASE WHEN e.id = ANY(${expired}::uuid[]) THEN 'failed' ELSE ${status} END)::conversion_status,
        claim_token = NULL, claimed_at = NULL, last_attempt_at = ${at},
        next_attempt_at = CASE WHEN ${status} = 'waiting_retry' THEN ${nextAt}::timestamptz ELSE e.next_attempt_at END,
        last_error = ${answer.error ?? null}, last_http_status = ${answer.httpStatus ?? null},
        failure_reason = CASE WHEN e.id = ANY(${expired}::uuid[]) THEN ${EXPIRED_REASON} WHEN ${status} = 'failed' THEN 'erro permanente' END,
        finished_at = CASE WHEN ${status} IN ('succeeded', 'failed') OR e.id = ANY(${expired}::uuid[]) THEN ${at}::timestamptz END
      WHERE e.id = ANY(${events.map((e) => e.id)}::uuid[]) AND e.claim_token = ${token}
      RETURNING e.id, e.attempts, e.status, e.failure_reason AS reason
    ),
    ins AS (
      INSERT INTO conversion_attempts (event_id, attempt, started_at, duration_ms, outcome, http_status, error, manual)
      SELECT id, attempts, ${started}, ${Math.max(0, at.getTime() - started.getTime())}, ${answer.outcome}, ${answer.httpStatus ?? null}, ${answer.error ?? null}, ${manual}
      FROM upd
      ON CONFLICT DO NOTHING
    )
    SELECT status, reason FROM upd`);
  const tally = emptyTally();
  tally.sent = rows.length;
  for (const r of rows) {
    if (r.status === 'succeeded') tally.succeeded++;
    else if (r.status === 'waiting_retry') tally.waiting++;
    else if (r.reason === EXPIRED_REASON) tally.expired++;
    else tally.failed++;
  }
  return tally;
}

async function sendClaimed(destination: LoadedDestination, events: Claimed[], token: string, opts: DeliveryOptions, manual: boolean): Promise<DeliveryTally> {
  const started = now();
  const answer = await callPlatform(destination, events, opts.timeoutMs ?? 10_000);
  return complete(destination, events, token, answer, started, manual);
}

/**
 * Sends every due event of one destination, a batch per request, until none is due. Safe to run
 * on several workers at once: each batch is claimed with SKIP LOCKED under its own token.
 */
export async function deliverDestination(destinationId: string, opts: DeliveryOptions = {}): Promise<DeliveryTally> {
  const destination = await loadDestination(destinationId);
  const tally = emptyTally();
  if (!destination?.active) return tally;
  const limit = Math.min(opts.batchSize ?? 1000, PLATFORMS[destination.kind].maxBatch);
  tally.expired += await expireDue(destinationId, destination.kind, now());
  for (;;) {
    const token = randomUUID();
    const claimed = await claimDue(destinationId, token, limit, now());
    if (claimed.length === 0) break;
    addTally(tally, await sendClaimed(destination, claimed, token, opts, false));
    if (claimed.length < limit) break;
  }
  return tally;
}

/** Concurrent request loops per destination: one waits on the platform while another writes outcomes. */
export const DELIVERY_LOOPS = 4;

/** `deliverDestination` on `loops` loops at once (safe: each batch has its own claim), tallies summed. */
export async function deliverDestinationParallel(destinationId: string, opts: DeliveryOptions & { loops?: number } = {}): Promise<DeliveryTally> {
  const tallies = await Promise.all(Array.from({ length: opts.loops ?? DELIVERY_LOOPS }, () => deliverDestination(destinationId, opts)));
  return tallies.reduce(addTally, emptyTally());
}

/** "Reenviar agora" for the given ids (already checked to belong to the account): sends at once, per destination. */
export async function resendIds(accountId: string, ids: string[], opts: DeliveryOptions = {}): Promise<DeliveryTally> {
  const tally = emptyTally();
  const owners = await getSql()<{ destinationId: string }[]>`
    SELECT DISTINCT destination_id AS "destinationId" FROM conversion_events WHERE account_id = ${accountId} AND id = ANY(${ids}::uuid[])`;
  for (const { destinationId } of owners) {
    const destination = await loadDestination(destinationId);
    if (!destination?.active) continue;
    tally.expired += await expireDue(destinationId, destination.kind, now(), ids);
    const token = randomUUID();
    const claimed = await claimIds(accountId, destinationId, ids, token, now());
    const max = PLATFORMS[destination.kind].maxBatch;
    for (let i = 0; i < claimed.length; i += max) addTally(tally, await sendClaimed(destination, claimed.slice(i, i + max), token, opts, true));
  }
  return tally;
}

/**
 * Pacing and retry rules for one instance's queue (SPEC §2), as pure functions of time.
 */

/** Attempts a message gets before a transient error fails it for good. */
export const MAX_ATTEMPTS = 3;
/** Smallest send interval an instance may have (0.1 s). */
export const MIN_INTERVAL_MS = 100;
/** How long a claimed message may stay in processing before another worker takes it back. */
export const LEASE_MS = 60_000;
/** A provider call that takes longer than this is a transient failure (timeout). */
export const PROVIDER_TIMEOUT_MS = 15_000;

const BACKOFF_BASE_MS = 5_000;
const BACKOFF_FACTOR = 4;
const BACKOFF_MAX_MS = 5 * 60_000;

/** Earliest start of the next send after one that started at `lastStart`. */
export function nextSendAt(lastStart: Date, intervalMs: number): Date {
  return new Date(lastStart.getTime() + Math.max(intervalMs, MIN_INTERVAL_MS));
}

/** Whether an instance may start a send at `at` (the rule the claim query applies in SQL). */
export function maySendAt(at: Date, instance: { nextSendAt: Date; inFlight: boolean; connected: boolean; paused: boolean; sentToday: number; dailyLimit: number | null }): boolean {
  if (!instance.connected || instance.paused || instance.inFlight) return false;
  if (instance.dailyLimit !== null && instance.sentToday >= instance.dailyLimit) return false;
  return at.getTime() >= instance.nextSendAt.getTime();
}

/** Delay before retrying after the `attempt`-th attempt failed transiently: 5 s, 20 s, 80 s, … ≤ 5 min. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * BACKOFF_FACTOR ** Math.max(0, attempt - 1), BACKOFF_MAX_MS);
}

/** What happens to a message after a failed attempt. */
export function afterFailure(kind: 'transient' | 'permanent', attempt: number, at: Date): { state: 'queued'; availableAt: Date } | { state: 'failed' } {
  if (kind === 'permanent' || attempt >= MAX_ATTEMPTS) return { state: 'failed' };
  return { state: 'queued', availableAt: new Date(at.getTime() + backoffMs(attempt)) };
}

/** "Estimativa para término": interval × messages in the queue (the seed's formula). */
export function estimatedFinishMs(intervalMs: number, queued: number): number {
  return intervalMs * queued;
}

/** Interval in milliseconds from the seconds a person types ("0,5", "2.5", "10"). */
export function intervalMsFromSeconds(seconds: number): number {
  return Math.round(seconds * 1000);
}

import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { dayKey } from './day-window';
import { dispatchOnce, sweepLeases } from './dispatcher';
import { WAKE_CHANNEL } from './enqueue';

/** Sleep bound while messages wait but none can go now (a retry's back-off, a queue operation's locks). */
const BUSY_POLL_MS = 250;
/** Safety net for a lost notification; an idle system otherwise waits for NOTIFY or the pg-boss tick. */
const IDLE_MAX_MS = 30_000;
const SWEEP_EVERY_MS = 15_000;

export interface Dispatcher {
  wake(): void;
  stop(): Promise<void>;
}

/**
 * How long a cycle that found nothing to send may sleep; null when nothing waits. Idle instances
 * are due at their `next_send_at`. Instances in flight count too (another loop or process is
 * sending for them and this one must be awake to compete for their next message), but no sooner
 * than the busy poll: the loop that holds them runs again by itself as soon as it has recorded
 * the outcome.
 */
async function sleepBound(): Promise<number | null> {
  const at = now();
  const [row] = await getSql()<{ idle: Date | null; busy: Date | null }[]>`
    SELECT min(i.next_send_at) FILTER (WHERE i.in_flight_message_id IS NULL) AS idle,
           min(i.next_send_at) FILTER (WHERE i.in_flight_message_id IS NOT NULL) AS busy
    FROM instances i
    WHERE i.status = 'connected' AND NOT i.paused AND i.deleted_at IS NULL AND i.queued_count > 0
      AND (i.daily_limit IS NULL OR i.daily_limit > coalesce(
        (SELECT d.sent FROM instance_daily_stats d WHERE d.instance_id = i.id AND d.day = ${dayKey(at, env().POMBO_DAILY_RESET_UTC_HOUR)}), 0))`;
  const idle = row?.idle ? row.idle.getTime() - at.getTime() : null;
  const busy = row?.busy ? Math.max(row.busy.getTime() - at.getTime(), BUSY_POLL_MS) : null;
  if (idle === null && busy === null) return null;
  const due = Math.min(idle ?? Infinity, busy ?? Infinity);
  // An idle instance already due that the claim did not take waits for a retry's back-off or a lock.
  return due <= 0 ? BUSY_POLL_MS : Math.min(due, IDLE_MAX_MS);
}

/**
 * The dispatcher of one worker process: `loops` concurrent cycles of claim → send → record. A
 * cycle that sent something runs again at once; otherwise it sleeps exactly until the next
 * instance is due, or until woken by NOTIFY (enqueue, resume, recover…) or the pg-boss tick.
 */
export async function startDispatcher(opts: { workerId: string; loops?: number; limit?: number }): Promise<Dispatcher> {
  let running = true;
  const sleepers = new Set<() => void>();
  // Counts wake-ups, so one that arrives while a cycle is still deciding to sleep is not lost.
  let generation = 0;
  const wake = () => {
    generation++;
    for (const resolve of sleepers) resolve();
    sleepers.clear();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      }
      sleepers.add(done);
    });
  const listener = await getSql().listen(WAKE_CHANNEL, wake);

  async function loop(index: number) {
    let lastSweep = 0;
    while (running) {
      const seen = generation;
      try {
        if (index === 0 && Date.now() - lastSweep > SWEEP_EVERY_MS) {
          lastSweep = Date.now();
          await sweepLeases();
        }
        if ((await dispatchOnce({ workerId: opts.workerId, limit: opts.limit })) > 0) continue;
        const bound = await sleepBound();
        if (!running) break;
        if (generation !== seen) continue;
        await sleep(bound ?? IDLE_MAX_MS);
      } catch (err) {
        logger.error({ err, worker: opts.workerId }, 'dispatcher cycle failed');
        await sleep(1000);
      }
    }
  }

  const loops = Array.from({ length: Math.max(1, opts.loops ?? 2) }, (_, i) => loop(i));
  logger.info({ worker: opts.workerId, loops: loops.length }, 'dispatcher started');
  return {
    wake,
    async stop() {
      running = false;
      wake();
      await Promise.all(loops); // a cycle in progress finishes and records its outcomes
      await listener.unlisten().catch(() => {});
    },
  };
}

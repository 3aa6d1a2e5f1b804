import 'server-only';
import { getBoss } from '@/lib/jobs/boss';
import { logger } from '@/lib/logger';

export const RT_EVENTS_JOB = 'rtEventsProcessing';
export const BATCH_EVENTS_JOB = 'batchEventsProcessing';
export const UPDATE_EVENT_STATUS_JOB = 'updateEventStatus';

/** Coalescing window: at most one pg-boss send per queue per this many ms in a web process. */
const COALESCE_MS = 20;
const timers = new Map<string, NodeJS.Timeout>();

/**
 * Asks the workers to process newly accepted events. The queues are `stately` (one queued job, one
 * active), so a send while one is queued is a no-op; the send always happens after the caller's
 * commit, so the job that runs next sees those rows. Trailing-edge coalescing keeps this at a few
 * sends a second however many events arrive.
 */
export function kickProcessing(queue: string): void {
  if (timers.has(queue)) return;
  timers.set(
    queue,
    setTimeout(() => {
      timers.delete(queue);
      void getBoss()
        .then((boss) => boss.send(queue, {}))
        .catch((err) => logger.warn({ err, queue }, 'could not kick event processing (the minute sweep will)'));
    }, COALESCE_MS),
  );
}

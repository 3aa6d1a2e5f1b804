import 'server-only';
import { getBoss } from '@/lib/jobs/boss';
import { logger } from '@/lib/logger';

export const CONVERSIONS_DELIVER_JOB = 'conversionsDeliver';
export const CONVERSIONS_SWEEP_JOB = 'conversionsRetrySweep';

const COALESCE_MS = 20;
const pending = new Set<string>();
let timer: NodeJS.Timeout | undefined;

/**
 * Asks the workers to deliver these destinations' new events. The queue is `short` with the
 * destination as singleton key (one queued job per destination) and sends are coalesced over 20 ms,
 * normally after the caller's commit; a job that ran too early or a lost wake is made good by the
 * minute sweep, which sends every due first attempt too.
 */
export function wakeDelivery(destinationIds: string[]): void {
  for (const id of destinationIds) pending.add(id);
  timer ??= setTimeout(() => {
    timer = undefined;
    const ids = [...pending];
    pending.clear();
    void getBoss()
      .then((boss) => Promise.all(ids.map((destinationId) => boss.send(CONVERSIONS_DELIVER_JOB, { destinationId }, { singletonKey: destinationId }))))
      .catch((err) => logger.warn({ err }, 'could not wake conversion delivery (the minute sweep will)'));
  }, COALESCE_MS);
}

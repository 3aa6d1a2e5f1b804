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
 * destination as singleton key (one queued job per destination), sends are coalesced and happen
 * after the caller's commit; a lost wake is picked up by the minute sweep.
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

import { z } from 'zod';
import { defineJob } from '@/lib/jobs/define';
import { sweepLeases } from '@/lib/queue/dispatcher';
import { wakeDispatchers } from '@/lib/queue/enqueue';
import { startDispatcher } from '@/lib/queue/loop';

/**
 * The dispatcher's pg-boss tick, every minute on one worker: repairs expired leases, then wakes
 * every worker's dispatcher (NOTIFY), so nothing waits on a lost notification or a day rollover.
 * Between ticks the loops pace themselves and wake on NOTIFY from enqueue.
 */
export const dispatchTickJob = defineJob({
  name: 'dispatchTick',
  schema: z.object({}).passthrough(),
  cron: { expression: '* * * * *' },
  queue: { retryLimit: 0 },
  handler: async () => {
    const returned = await sweepLeases();
    await wakeDispatchers();
    return { returned };
  },
});

/** The long-running part of a worker process: the paced send loops. */
export function startDispatcherService(workerId: string) {
  return startDispatcher({ workerId, loops: Number(process.env.POMBO_DISPATCH_LOOPS ?? 2) });
}

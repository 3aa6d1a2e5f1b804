import type { Queue, QueueOptions } from 'pg-boss';
import { z } from 'zod';
import { deliverDestinationParallel } from '@/lib/conversions/deliver';
import { CONVERSIONS_DELIVER_JOB } from '@/lib/conversions/wake';
import { defineJob } from '@/lib/jobs/define';

const queue: QueueOptions & Pick<Queue, 'policy' | 'notify'> = { policy: 'short', notify: true, retryLimit: 0 };

/**
 * First attempts of newly accepted conversion events, one destination per job, on DELIVERY_LOOPS
 * request loops of up to 1,000 events each. `short` policy + singleton key: one queued job per
 * destination.
 * No pg-boss retries: an unanswered event stays due in the database and the minute sweep takes it.
 */
export const conversionsDeliverJob = defineJob({
  name: CONVERSIONS_DELIVER_JOB,
  schema: z.object({ destinationId: z.uuid() }),
  queue,
  work: { batchSize: 1, pollingIntervalSeconds: 1, localConcurrency: 2 },
  handler: async ({ destinationId }) => deliverDestinationParallel(destinationId),
});

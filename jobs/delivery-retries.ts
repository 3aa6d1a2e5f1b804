import { z } from 'zod';
import { defineJob } from '@/lib/jobs/define';
import { sweepValidity } from '@/lib/deliveries/validity';

/** Every minute: temporary failures of sends go back to their queue within the validity period; after it they fail for good. */
export const deliveryRetriesJob = defineJob({
  name: 'deliveryRetries',
  schema: z.object({}).passthrough(),
  cron: { expression: '* * * * *' },
  queue: { retryLimit: 0 },
  handler: async () => sweepValidity(),
});

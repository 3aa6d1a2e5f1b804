import { z } from 'zod';
import { defineJob } from '@/lib/jobs/define';
import { refreshRecentStats } from '@/lib/deliveries/stats';

/** Hourly: fresh "Implantação" indicators (read and click rates included) for recent and running sends. */
export const deliveryStatsJob = defineJob({
  name: 'deliveryStats',
  schema: z.object({}).passthrough(),
  cron: { expression: '0 * * * *' },
  queue: { retryLimit: 1 },
  handler: async () => ({ runs: await refreshRecentStats() }),
});

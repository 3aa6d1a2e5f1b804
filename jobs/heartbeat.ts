import { z } from 'zod';
import { defineJob } from '@/lib/jobs/define';
import { pruneDeadWorkers } from '@/lib/system/heartbeat';

/** Every 5 minutes: forget worker rows whose process stopped beating an hour ago. */
export const pruneWorkersJob = defineJob({
  name: 'pruneWorkers',
  schema: z.object({}).passthrough(),
  cron: { expression: '*/5 * * * *' },
  handler: async () => ({ removed: await pruneDeadWorkers() }),
});

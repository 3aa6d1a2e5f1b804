import type { Queue, QueueOptions } from 'pg-boss';
import { z } from 'zod';
import { runConversionSweep } from '@/lib/conversions/sweep';
import { CONVERSIONS_SWEEP_JOB } from '@/lib/conversions/wake';
import { defineJob } from '@/lib/jobs/define';

const queue: QueueOptions & Pick<Queue, 'policy'> = { policy: 'stately', retryLimit: 0 };

/**
 * Every minute: repairs claims a crashed worker left, then sends every event whose retry is due
 * (30 minutes after its last attempt) and any first attempt no job picked up, per destination.
 */
export const conversionsSweepJob = defineJob({
  name: CONVERSIONS_SWEEP_JOB,
  schema: z.object({}).passthrough(),
  cron: { expression: '* * * * *' },
  queue,
  handler: async () => runConversionSweep(),
});

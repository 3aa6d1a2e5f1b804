import type { Queue, QueueOptions } from 'pg-boss';
import { z } from 'zod';
import { ARCHIVE_JOB } from '@/lib/archive/job-name';
import { runArchive } from '@/lib/archive/service';
import { defineJob } from '@/lib/jobs/define';

const oneAtATime: QueueOptions & Pick<Queue, 'policy' | 'notify'> = { policy: 'stately', notify: true, retryLimit: 1, expireInSeconds: 3600 };

/** Nightly archiving (03:30 UTC, quiet hours in Brazil) and "Arquivar agora" from /admin. */
export const archiveJob = defineJob({
  name: ARCHIVE_JOB,
  schema: z.object({ trigger: z.enum(['cron', 'manual']).default('cron') }),
  queue: oneAtATime,
  cron: { expression: '30 3 * * *' },
  handler: async ({ trigger }) => runArchive({ trigger }),
});

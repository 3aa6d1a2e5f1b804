import { z } from 'zod';
import { defineJob } from '@/lib/jobs/define';
import { getBoss } from '@/lib/jobs/boss';
import { advanceRun, completeRuns, dueRunIds, failRun, staleRunIds } from '@/lib/sends/lifecycle';
import { SEND_RUN_JOB } from '@/lib/sends/service';

const RETRY_LIMIT = 5;

/**
 * One send run: SCHEDULED → PROCESANDO → IN-PROGRESS → generation, as far as it can go. The
 * database holds the state, so a retry resumes where the last one stopped; after the last retry the
 * run is Falhou with the reason.
 */
export const sendRunJob = defineJob({
  name: SEND_RUN_JOB,
  schema: z.object({ runId: z.uuid() }),
  // Two jobs for one run are harmless: every step locks the run and re-reads its state.
  queue: { retryLimit: RETRY_LIMIT, retryDelay: 5, retryBackoff: true },
  work: { batchSize: 1, pollingIntervalSeconds: 1, localConcurrency: 2 },
  handler: async ({ runId }, job) => {
    try {
      return { state: await advanceRun(runId) };
    } catch (e) {
      if (job.retryCount >= RETRY_LIMIT) await failRun(runId, e instanceof Error ? e.message : String(e));
      throw e;
    }
  },
});

/**
 * Every minute: queues the runs that are due or were left half-way (a lost job, a crashed worker)
 * and completes the runs whose messages have all ended.
 */
export const sendsTickJob = defineJob({
  name: 'sendsTick',
  schema: z.object({}).passthrough(),
  cron: { expression: '* * * * *' },
  queue: { retryLimit: 0 },
  handler: async () => {
    const boss = await getBoss();
    const ids = [...(await dueRunIds()), ...(await staleRunIds())];
    // At most one tick-queued job per run and minute, so a long generation does not pile up jobs.
    for (const runId of ids) await boss.send(SEND_RUN_JOB, { runId }, { singletonKey: runId, singletonSeconds: 60 });
    return { queued: ids.length, completed: await completeRuns() };
  },
});

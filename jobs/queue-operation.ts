import { z } from 'zod';
import { defineJob } from '@/lib/jobs/define';
import { failQueueOperation, runQueueOperation } from '@/lib/queue/operations/run';
import { QUEUE_OPERATION_JOB } from '@/lib/queue/service';

const RETRY_LIMIT = 5;

/**
 * A large "Limpar fila" / "Recuperar mensagens" / "Rebalancear fila": runs the operation's batches
 * to the end. A retry resumes from the last committed batch; after the last retry the operation is
 * marked failed with the reason, which the queue screen shows.
 */
export const queueOperationJob = defineJob({
  name: QUEUE_OPERATION_JOB,
  schema: z.object({ operationId: z.uuid() }),
  queue: { retryLimit: RETRY_LIMIT, retryDelay: 2, retryBackoff: true },
  work: { batchSize: 1, pollingIntervalSeconds: 1, localConcurrency: 2 },
  handler: async ({ operationId }, job) => {
    try {
      return await runQueueOperation(operationId);
    } catch (e) {
      if (job.retryCount >= RETRY_LIMIT) await failQueueOperation(operationId, e);
      throw e;
    }
  },
});

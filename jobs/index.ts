import type { JobDefinition } from '@/lib/jobs/define';
import { dispatchTickJob, startDispatcherService } from './dispatch';
import { pruneWorkersJob } from './heartbeat';
import { queueOperationJob } from './queue-operation';

/** Every queue this product works on; later features add theirs here. */
export const allJobs: JobDefinition[] = [pruneWorkersJob, dispatchTickJob, queueOperationJob];

/** Long-running loops every worker process runs besides its pg-boss queues. */
export const backgroundServices: { name: string; start(workerId: string): Promise<{ stop(): Promise<void> }> }[] = [
  { name: 'dispatcher', start: startDispatcherService },
];

import type { JobDefinition } from '@/lib/jobs/define';
import { conversionsDeliverJob } from './conversions-deliver';
import { conversionsSweepJob } from './conversions-sweep';
import { archiveJob } from './archive';
import { deliveryRetriesJob } from './delivery-retries';
import { deliveryStatsJob } from './delivery-stats';
import { dispatchTickJob, startDispatcherService } from './dispatch';
import { batchEventsProcessingJob, rtEventsProcessingJob, startEventOutcomeListener, updateEventStatusJob } from './events';
import { pruneWorkersJob } from './heartbeat';
import { queueOperationJob } from './queue-operation';
import { sendRunJob, sendsTickJob } from './sends';

/** Every queue this product works on; later features add theirs here. */
export const allJobs: JobDefinition[] = [pruneWorkersJob, dispatchTickJob, queueOperationJob, rtEventsProcessingJob, batchEventsProcessingJob, updateEventStatusJob, sendRunJob, sendsTickJob, archiveJob, conversionsDeliverJob, conversionsSweepJob, deliveryStatsJob, deliveryRetriesJob];

/** Long-running loops every worker process runs besides its pg-boss queues. */
export const backgroundServices: { name: string; start(workerId: string): Promise<{ stop(): Promise<void> }> }[] = [
  { name: 'dispatcher', start: startDispatcherService },
  { name: 'eventOutcomes', start: startEventOutcomeListener },
];

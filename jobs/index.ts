import type { JobDefinition } from '@/lib/jobs/define';
import { pruneWorkersJob } from './heartbeat';

/** Every queue this product works on; later features add theirs here. */
export const allJobs: JobDefinition[] = [pruneWorkersJob];

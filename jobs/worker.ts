import { getBoss, stopBoss } from '@/lib/jobs/boss';
import { registerJob } from '@/lib/jobs/define';
import { logger } from '@/lib/logger';
import { HEARTBEAT_SECONDS, beat, newWorkerIdentity, retire, type WorkerIdentity } from '@/lib/system/heartbeat';
import { allJobs, backgroundServices } from './index';

export interface RunningWorkers {
  identity: WorkerIdentity;
  stop(): Promise<void>;
}

/** Starts pg-boss in worker mode, registers every job, and beats every few seconds until stopped. */
export async function startWorkers(kind: WorkerIdentity['kind']): Promise<RunningWorkers> {
  const boss = await getBoss('worker');
  for (const job of allJobs) await registerJob(boss, job);
  const identity = newWorkerIdentity(kind, allJobs.map((j) => j.name));
  await beat(identity);
  const services: { stop(): Promise<void> }[] = [];
  for (const service of backgroundServices) services.push(await service.start(identity.id));
  const timer = setInterval(() => beat(identity).catch((err) => logger.warn({ err }, 'heartbeat failed')), HEARTBEAT_SECONDS * 1000);
  timer.unref();
  logger.info({ worker: identity.id, queues: identity.queues }, 'workers started');

  let stopping: Promise<void> | undefined;
  return {
    identity,
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(timer);
        // Loops first: a send in progress finishes and is recorded while the database is still there.
        await Promise.all(services.map((s) => s.stop().catch((err: unknown) => logger.warn({ err }, 'service stop failed'))));
        await stopBoss(); // graceful: lets active jobs finish (10 s at most)
        await retire(identity).catch(() => {});
        logger.info({ worker: identity.id }, 'workers stopped');
      })()),
  };
}

import type { Job, PgBoss, QueueOptions, WorkOptions } from 'pg-boss';
import { z } from 'zod';
import { logger } from '@/lib/logger';

/** Thrown by a handler when retrying cannot help (the job fails at once). */
export class PermanentJobError extends Error {}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  queue?: QueueOptions;
  work?: Pick<WorkOptions, 'batchSize' | 'pollingIntervalSeconds' | 'localConcurrency'>;
  /** Cron expression (UTC unless `tz`) for recurring jobs. */
  cron?: { expression: string; tz?: string };
  handler(data: z.output<S>, job: Job<unknown>): Promise<unknown>;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

/**
 * Creates the queue and its worker. Each job's payload is validated first: a bad payload, like a
 * PermanentJobError, fails the job without retries; anything else is retried by pg-boss.
 */
export async function registerJob(boss: PgBoss, def: JobDefinition): Promise<void> {
  await boss.createQueue(def.name, { retryLimit: 3, retryDelay: 5, retryBackoff: true, ...def.queue });
  await boss.work(def.name, { batchSize: 1, pollingIntervalSeconds: 1, ...def.work, perJobResults: true }, async (jobs) => {
    const results = [];
    for (const job of jobs) {
      const parsed = def.schema.safeParse(job.data);
      if (!parsed.success) {
        logger.error({ job: def.name, id: job.id, issues: parsed.error.issues }, 'invalid job payload');
        results.push({ id: job.id, status: 'deadletter' as const, output: { error: 'invalid payload', issues: parsed.error.issues } });
        continue;
      }
      try {
        const output = await def.handler(parsed.data, job);
        results.push({ id: job.id, status: 'completed' as const, output: (output ?? {}) as object });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        logger.warn({ job: def.name, id: job.id, err: e }, 'job failed');
        results.push({ id: job.id, status: e instanceof PermanentJobError ? ('deadletter' as const) : ('failed' as const), output: { error: message } });
      }
    }
    return results;
  });
  if (def.cron) await boss.schedule(def.name, def.cron.expression, {}, { tz: def.cron.tz ?? 'UTC' });
}

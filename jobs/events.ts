import type { Queue, QueueOptions } from 'pg-boss';
import { z } from 'zod';
import { getSql } from '@/db/client';
import { BATCH_EVENTS_JOB, RT_EVENTS_JOB, UPDATE_EVENT_STATUS_JOB, kickProcessing } from '@/lib/events/kick';
import { drainPending } from '@/lib/events/process';
import { syncEventStatuses } from '@/lib/events/status-sync';
import { defineJob } from '@/lib/jobs/define';

// `stately` + notify: one queued and one active job per queue, woken by NOTIFY when the API kicks it;
// the cron makes each a sweep too, so nothing waits on a lost kick for more than a minute.
const kicked: QueueOptions & Pick<Queue, 'policy' | 'notify'> = { policy: 'stately', notify: true, retryLimit: 2, retryDelay: 1 };
const single: QueueOptions & Pick<Queue, 'policy' | 'notify'> = { policy: 'stately', notify: true, retryLimit: 0 };

export const rtEventsProcessingJob = defineJob({
  name: RT_EVENTS_JOB,
  schema: z.object({}).passthrough(),
  queue: kicked,
  work: { pollingIntervalSeconds: 0.5 },
  cron: { expression: '* * * * *' },
  handler: async () => ({ processed: await drainPending('rt', 200) }),
});

export const batchEventsProcessingJob = defineJob({
  name: BATCH_EVENTS_JOB,
  schema: z.object({}).passthrough(),
  queue: kicked,
  work: { pollingIntervalSeconds: 1 },
  cron: { expression: '* * * * *' },
  handler: async () => ({ processed: await drainPending('batch', 1000) }),
});

export const updateEventStatusJob = defineJob({
  name: UPDATE_EVENT_STATUS_JOB,
  schema: z.object({}).passthrough(),
  queue: single,
  cron: { expression: '* * * * *' },
  handler: async () => ({ changed: await syncEventStatuses() }),
});

/** Postgres channel the messages trigger notifies when an event's message changes outcome (migration 0008). */
export const EVENT_OUTCOME_CHANNEL = 'pombo_event_outcome';

/**
 * Worker background service: on each outcome notification, asks for one updateEventStatus run
 * (coalesced, and the queue is stately, so a burst of outcomes costs one sync).
 */
export async function startEventOutcomeListener(): Promise<{ stop(): Promise<void> }> {
  const listener = await getSql().listen(EVENT_OUTCOME_CHANNEL, () => kickProcessing(UPDATE_EVENT_STATUS_JOB));
  return { stop: () => listener.unlisten() };
}

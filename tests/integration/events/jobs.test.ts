import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchEventsProcessingJob, rtEventsProcessingJob, startEventOutcomeListener, updateEventStatusJob } from '@/jobs/events';
import { getSql } from '@/db/client';
import { acceptEvents } from '@/lib/events/ingest';
import type { EventInput } from '@/lib/events/schemas';
import { BOSS_SCHEMA, stopBoss } from '@/lib/jobs/boss';
import { registerJob } from '@/lib/jobs/define';
import { makeApiStore, makeTemplate, sampleEvent } from '@/tests/support/events-factories';
import { createAccount } from '@/tests/support/factories';
import { makeInstance } from '@/tests/support/queue-factories';

let worker: PgBoss;
let listener: { stop(): Promise<void> };

beforeAll(async () => {
  worker = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: BOSS_SCHEMA, supervise: false, schedule: false, useListenNotify: true });
  await worker.start();
  await registerJob(worker, rtEventsProcessingJob);
  await registerJob(worker, batchEventsProcessingJob);
  await registerJob(worker, updateEventStatusJob);
  listener = await startEventOutcomeListener();
});

afterAll(async () => {
  await listener.stop();
  await stopBoss();
  await worker.stop({ graceful: false });
});

async function waitForStatus(ids: string[], status: string, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const [r] = await getSql()<{ n: number }[]>`SELECT count(*)::int AS n FROM events WHERE id IN ${getSql()(ids)} AND status = ${status}`;
    if (r!.n === ids.length) return Date.now() - start;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`events not ${status} after ${timeoutMs} ms`);
}

describe('event processing jobs', () => {
  it('rtEventsProcessing handles a real-time event within about a second of acceptance', async () => {
    const accountId = (await createAccount()).id;
    const store = await makeApiStore(accountId);
    await makeInstance(accountId, { storeIds: [store.storeId] });
    await makeTemplate(accountId, 'order_created', 'Oi {{contact.name}}');
    // Warm-up: the first send creates the client connection.
    await waitForStatus(await acceptEvents({ accountId, storeId: store.storeId }, [sampleEvent() as EventInput], 'rt'), 'pending_delivery', 5000);
    const took = await waitForStatus(await acceptEvents({ accountId, storeId: store.storeId }, [sampleEvent() as EventInput], 'rt'), 'pending_delivery', 3000);
    expect(took).toBeLessThan(1000);
  });

  it('batchEventsProcessing handles a batch in chunks', async () => {
    const accountId = (await createAccount()).id;
    const store = await makeApiStore(accountId);
    await makeInstance(accountId, { storeIds: [store.storeId] });
    await makeTemplate(accountId, 'order_created', 'Oi');
    const events = Array.from({ length: 1500 }, () => sampleEvent() as EventInput);
    const ids = [...(await acceptEvents({ accountId, storeId: store.storeId }, events.slice(0, 1000), 'batch')), ...(await acceptEvents({ accountId, storeId: store.storeId }, events.slice(1000), 'batch'))];
    await waitForStatus(ids, 'pending_delivery', 10_000);
  });

  it('updateEventStatus runs right after a dispatch outcome (trigger → NOTIFY → job), not a minute later', async () => {
    const accountId = (await createAccount()).id;
    const store = await makeApiStore(accountId);
    await makeInstance(accountId, { storeIds: [store.storeId] });
    await makeTemplate(accountId, 'order_created', 'Oi');
    const ids = await acceptEvents({ accountId, storeId: store.storeId }, [sampleEvent() as EventInput], 'rt');
    await waitForStatus(ids, 'pending_delivery', 5000);
    await getSql()`UPDATE messages SET state = 'sent', sent_at = now() WHERE source_id = ${ids[0]!}`;
    expect(await waitForStatus(ids, 'sent', 5000)).toBeLessThan(2000);
  });
});

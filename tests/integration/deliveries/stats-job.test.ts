import { afterAll, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { deliveryStatsJob } from '@/jobs/delivery-stats';
import { deliveryRetriesJob } from '@/jobs/delivery-retries';
import { allJobs } from '@/jobs';
import { confirmSend } from '@/lib/deliveries/service';
import { storedRunStats } from '@/lib/deliveries/stats';
import { stopBoss } from '@/lib/jobs/boss';
import { createTenant } from '../../support/factories';
import { makeInstance, makeStore } from '../../support/queue-factories';
import { createDraft } from '../../support/sends-factories';

afterAll(async () => {
  await stopBoss();
});

it('the hourly job refreshes runs that are live or ended recently, not old ones; both jobs are registered', async () => {
  expect(allJobs).toContain(deliveryStatsJob);
  expect(allJobs).toContain(deliveryRetriesJob);
  expect(deliveryStatsJob.cron?.expression).toBe('0 * * * *');
  const { actors } = await createTenant();
  const storeId = await makeStore(actors.owner.accountId);
  await makeInstance(actors.owner.accountId, { storeIds: [storeId] });
  const runOf = async () => (await confirmSend(actors.operator, await createDraft(actors.editor, storeId, 2))).runId;
  const [recent, old, waiting] = [await runOf(), await runOf(), await runOf()];
  await getSql()`UPDATE send_runs SET state = 'done', generation_started_at = now() - interval '2 hours', finished_at = now() - interval '1 hour' WHERE id = ${recent}`;
  await getSql()`UPDATE send_runs SET state = 'done', generation_started_at = now() - interval '40 days', finished_at = now() - interval '30 days' WHERE id = ${old}`;
  await deliveryStatsJob.handler({}, {} as never);
  expect(await storedRunStats(recent)).toMatchObject({ toDeliver: 2, sent: 0 });
  expect(await storedRunStats(old)).toBeNull();
  expect(await storedRunStats(waiting)).toBeNull(); // nothing generated yet
});

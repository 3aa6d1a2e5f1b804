import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { acceptConversions } from '@/lib/conversions/service';
import { getBoss, stopBoss } from '@/lib/jobs/boss';
import { registerJob } from '@/lib/jobs/define';
import { conversionsDeliverJob } from '@/jobs/conversions-deliver';
import { conversionsSweepJob } from '@/jobs/conversions-sweep';
import { conversionInput } from '../../support/conversions-factories';
import { createTenant } from '../../support/factories';

beforeAll(async () => {
  const boss = await getBoss('worker');
  await registerJob(boss, conversionsDeliverJob);
  await registerJob(boss, conversionsSweepJob);
});
afterAll(() => stopBoss());

async function statusOf(id: string) {
  const [row] = await getSql()<{ status: string }[]>`SELECT status FROM conversion_events WHERE id = ${id}`;
  return row!.status;
}

describe('conversion jobs on pg-boss', () => {
  it('intake wakes conversionsDeliver, which sends the first attempt; the sweep job runs on demand', async () => {
    const { account } = await createTenant();
    const [store] = await getSql()<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${account.id}, 'Loja jobs') RETURNING id`;
    await getSql()`INSERT INTO conversion_destinations (account_id, store_id, kind, name, config) VALUES (${account.id}, ${store!.id}, 'sandbox', 'Sandbox', '{"mode":"success"}')`;
    const { conversions } = await acceptConversions({ accountId: account.id, storeId: store!.id }, [conversionInput()]);
    const id = conversions[0]!.id;
    for (let i = 0; i < 100 && (await statusOf(id)) !== 'succeeded'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await statusOf(id)).toBe('succeeded');

    const boss = await getBoss();
    const jobId = await boss.send(conversionsSweepJob.name, {});
    let state = '';
    for (let i = 0; i < 100 && state !== 'completed'; i++) {
      state = (await boss.findJobs(conversionsSweepJob.name, { id: jobId! }))[0]?.state ?? '';
      if (state !== 'completed') await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('completed');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { deliverDestination } from '@/lib/conversions/deliver';
import { ingestConversions } from '@/lib/conversions/ingest';
import { countByStatus, getConversionDetail, getDestinationOrThrow, listConversions, listStoreDestinations } from '@/lib/conversions/queries';
import { destinationFormSchema } from '@/lib/conversions/schemas';
import { createDestination, deleteDestination, resendNow, testDestination, updateDestination } from '@/lib/conversions/service';
import { startFakeMetaGraph, type FakeMetaGraph } from '../../fakes/meta-graph';
import { attemptsOf, conversionInput, conversionRow, storeWithMetaDestination } from '../../support/conversions-factories';
import { createTenant } from '../../support/factories';

let fake: FakeMetaGraph;
beforeAll(async () => {
  fake = await startFakeMetaGraph();
});
afterAll(() => fake.close());

async function setup() {
  const tenant = await createTenant();
  const other = await createTenant();
  const target = { accountId: tenant.account.id, ...(await storeWithMetaDestination(tenant.actors.owner, fake)) };
  return { ...tenant, other, target };
}

describe('destinations', () => {
  it('stores the token sealed and shows it masked; a blank token on edit keeps it', async () => {
    const { actors, target } = await setup();
    const [stored] = await getSql()<{ secret: string }[]>`SELECT secret FROM conversion_destinations WHERE id = ${target.destinationId}`;
    expect(stored!.secret).not.toContain(fake.accessToken);
    const row = await getDestinationOrThrow(actors.owner.accountId, target.destinationId);
    expect(row.maskedSecret).toBe(`••••••${fake.accessToken.slice(-4)}`);
    await updateDestination(actors.editor, {
      ...destinationFormSchema.parse({ kind: 'meta', storeId: target.storeId, name: 'Meta renomeado', pixelId: fake.pixelId, graphBaseUrl: fake.baseUrl, graphVersion: 'v22.0', mappings: '' }),
      destinationId: target.destinationId,
    });
    const after = await getDestinationOrThrow(actors.owner.accountId, target.destinationId);
    expect(after).toMatchObject({ name: 'Meta renomeado', maskedSecret: row.maskedSecret, config: { graphVersion: 'v22.0' } });
  });

  it('"Testar conexão" sends one test event with the test event code and reports the outcome', async () => {
    const { actors } = await setup();
    const { destinationId } = await storeWithMetaDestination(actors.owner, fake, { testEventCode: 'TEST123' });
    const before = fake.requests.length;
    expect(await testDestination(actors.editor, destinationId)).toMatchObject({ ok: true, httpStatus: 200 });
    expect(fake.requests.slice(before)).toMatchObject([{ testEventCode: 'TEST123', events: [{ event_name: 'PageView' }] }]);
    fake.script('permanent');
    expect(await testDestination(actors.owner, destinationId)).toMatchObject({ ok: false, httpStatus: 400 });
  });

  it('viewers cannot create, edit, test or delete; another tenant\'s destination is not found', async () => {
    const { actors, other, target } = await setup();
    const form = destinationFormSchema.parse({ kind: 'sandbox', storeId: target.storeId, name: 'Sandbox', mappings: '' });
    await expect(createDestination(actors.viewer, form)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(testDestination(actors.viewer, target.destinationId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deleteDestination(actors.viewer, target.destinationId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createDestination(other.actors.owner, form)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(testDestination(other.actors.owner, target.destinationId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteDestination(other.actors.owner, target.destinationId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listStoreDestinations(other.actors.owner, target.storeId)).toEqual([]);
    await createDestination(actors.editor, form);
    expect((await listStoreDestinations(actors.viewer, target.storeId)).map((d) => d.kind).sort()).toEqual(['meta', 'sandbox']);
  });

  it('refuses intake for a store without an active destination', async () => {
    const { actors } = await setup();
    const { createStore } = await import('@/lib/stores/service');
    const store = await createStore(actors.owner, { name: 'Sem destino' });
    await expect(ingestConversions({ accountId: actors.owner.accountId, storeId: store.id }, [conversionInput()])).rejects.toMatchObject({ code: 'NO_CONVERSION_DESTINATION' });
  });
});

describe('"Reenviar agora" and the page queries', () => {
  it('resends waiting and failed events at once (owner, operator); editors and viewers are refused; other tenants get not-found', async () => {
    const { actors, other, target } = await setup();
    fake.script('5xx', 'permanent');
    const { conversions: [waiting] } = await ingestConversions(target, [conversionInput()]);
    await deliverDestination(target.destinationId);
    const { conversions: [failed] } = await ingestConversions(target, [conversionInput()]);
    await deliverDestination(target.destinationId);
    expect((await conversionRow(waiting!.id)).status).toBe('waiting_retry');
    expect((await conversionRow(failed!.id)).status).toBe('failed');

    await expect(resendNow(actors.editor, [waiting!.id])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(resendNow(actors.viewer, [waiting!.id])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(resendNow(other.actors.owner, [waiting!.id])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await conversionRow(waiting!.id)).status).toBe('waiting_retry');

    const tally = await resendNow(actors.operator, [waiting!.id, failed!.id]);
    expect(tally.succeeded).toBe(2);
    expect(await conversionRow(failed!.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect((await attemptsOf(waiting!.id)).at(-1)).toMatchObject({ outcome: 'success', manual: true });
  });

  it('counts per status, filters, keyset pages and the detail, scoped to the account', async () => {
    const { actors, other, target } = await setup();
    fake.script('5xx');
    await ingestConversions(target, [conversionInput()]);
    await deliverDestination(target.destinationId);
    await ingestConversions(target, [conversionInput(), conversionInput()]);
    await deliverDestination(target.destinationId);
    await ingestConversions(target, [conversionInput()]);

    const counts = await countByStatus(actors.viewer, { storeId: target.storeId });
    expect(counts).toEqual({ sending: 1, succeeded: 2, failed: 0, waiting_retry: 1, resending: 0 });
    const waiting = await listConversions(actors.viewer, { status: 'waiting_retry', destinationId: target.destinationId });
    expect(waiting.rows).toHaveLength(1);
    const detail = await getConversionDetail(actors.viewer, waiting.rows[0]!.id);
    expect(detail.attempts).toMatchObject([{ attempt: 1, outcome: 'transient', httpStatus: 503 }]);
    await expect(getConversionDetail(other.actors.owner, waiting.rows[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listConversions(other.actors.owner, {})).rows).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listConversions(actors.viewer, { from: today, to: today })).rows).toHaveLength(4);
    expect((await listConversions(actors.viewer, { to: '2000-01-01' })).rows).toHaveLength(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { conversionsFromStoreEvents } from '@/lib/conversions/from-store-event';
import { acceptEvents } from '@/lib/events/ingest';
import { eventInputSchema } from '@/lib/events/schemas';
import { processPendingChunk } from '@/lib/events/process';
import { hashUserData } from '@/lib/conversions/hashing';
import { stopBoss } from '@/lib/jobs/boss';
import { startFakeMetaGraph, type FakeMetaGraph } from '../../fakes/meta-graph';
import { storeWithMetaDestination } from '../../support/conversions-factories';
import { createTenant } from '../../support/factories';

let fake: FakeMetaGraph;
beforeAll(async () => {
  fake = await startFakeMetaGraph();
});
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 100)); // let the coalesced wake go out before stopping pg-boss
  await stopBoss();
  await fake.close();
});

describe('store events mapped to conversions', () => {
  it('turns an order.paid into a Purchase with value and currency for the mapping destination, once', async () => {
    const { account, actors } = await createTenant();
    const { storeId, destinationId } = await storeWithMetaDestination(actors.owner, fake); // maps order.paid = Purchase
    const base = { account_id: account.id, store_id: storeId, occurred_at: new Date(), contact_phone: '+55 11 98765-4321', contact_email: 'Ana@Loja.com' };
    const events = [
      { ...base, external_id: 'pedido-1', type: 'order.paid', data: { order: { total: '199.90', currency: 'brl' } } },
      { ...base, external_id: 'pedido-2', type: 'order.shipped', data: {} },
    ];
    expect(await conversionsFromStoreEvents(events)).toBe(1);
    expect(await conversionsFromStoreEvents(events)).toBe(0); // a reprocessed chunk creates nothing
    const rows = await getSql()<{ eventName: string; eventId: string; customData: unknown; userData: unknown; status: string }[]>`
      SELECT event_name AS "eventName", event_id AS "eventId", custom_data AS "customData", user_data AS "userData", status
      FROM conversion_events WHERE destination_id = ${destinationId}`;
    expect(rows).toEqual([
      { eventName: 'Purchase', eventId: 'pedido-1', customData: { value: 199.9, currency: 'BRL' }, userData: hashUserData({ email: 'ana@loja.com', phone: '5511987654321' }), status: 'sending' },
    ]);
  });

  it('is called by event processing: a paid order received on /api/v1/events becomes a Purchase', async () => {
    const { account, actors } = await createTenant();
    const { storeId, destinationId } = await storeWithMetaDestination(actors.owner, fake);
    const input = eventInputSchema.parse({
      externalId: 'pedido-77',
      type: 'order.paid',
      occurredAt: new Date().toISOString(),
      contact: { phone: '+55 11 98765-4321', name: 'Ana' },
      data: { order: { total: 50, currency: 'BRL' } },
    });
    await acceptEvents({ accountId: account.id, storeId }, [input], 'rt', { kick: false });
    await processPendingChunk('rt', 100, { accountId: account.id });
    const rows = await getSql()<{ eventName: string; customData: unknown }[]>`
      SELECT event_name AS "eventName", custom_data AS "customData" FROM conversion_events WHERE destination_id = ${destinationId}`;
    expect(rows).toEqual([{ eventName: 'Purchase', customData: { value: 50, currency: 'BRL' } }]);
  });
});

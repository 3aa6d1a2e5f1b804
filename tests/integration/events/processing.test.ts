import { describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { acceptEvents } from '@/lib/events/ingest';
import { REASON_INVALID_PHONE, REASON_NO_INSTANCE, REASON_NO_TEMPLATE, processPendingChunk, toE164 } from '@/lib/events/process';
import { syncEventStatuses } from '@/lib/events/status-sync';
import { makeApiStore, makeTemplate, sampleEvent } from '@/tests/support/events-factories';
import { createAccount } from '@/tests/support/factories';
import { makeInstance } from '@/tests/support/queue-factories';
import type { EventInput } from '@/lib/events/schemas';

async function setup() {
  const accountId = (await createAccount()).id;
  const store = await makeApiStore(accountId, { name: 'Loja Teste' });
  return { accountId, store, who: { accountId, storeId: store.storeId } };
}

async function eventRow(id: string) {
  const [row] = await getSql()<{ status: string; status_reason: string | null; message_id: string | null; instance_id: string | null; template_id: string | null }[]>`
    SELECT status, status_reason, message_id, instance_id, template_id FROM events WHERE id = ${id}`;
  return row!;
}

/** Processes the account's pending events on both channels (other files' accounts are left alone). */
async function processAll(accountId: string) {
  while ((await processPendingChunk('rt', 500, { accountId })) > 0);
  while ((await processPendingChunk('batch', 500, { accountId })) > 0);
}

const ev = (over: Record<string, unknown> = {}) => sampleEvent(over) as EventInput;

describe('E.164', () => {
  it('normalises Brazilian numbers and refuses junk', () => {
    expect(toE164('(11) 98765-4321')).toBe('+5511987654321');
    expect(toE164('+55 11 98765-4321')).toBe('+5511987654321');
    expect(toE164('123')).toBeNull();
    expect(toE164('abc')).toBeNull();
  });
});

describe('event processing', () => {
  it('renders the template, enqueues on the store instance that drains soonest and sets Entrega pendente', async () => {
    const { accountId, store, who } = await setup();
    const busy = await makeInstance(accountId, { name: 'Ocupada', intervalMs: 5000, storeIds: [store.storeId] });
    const idle = await makeInstance(accountId, { name: 'Livre', intervalMs: 1000, storeIds: [store.storeId] });
    await getSql()`UPDATE instances SET queued_count = 50 WHERE id = ${busy}`;
    const template = await makeTemplate(accountId, 'order_created', 'Oi {{contact.name}}, pedido {{data.order.id}} na {{store.name}}');
    const [id] = await acceptEvents(who, [ev()], 'rt');
    await processAll(accountId);
    const row = await eventRow(id!);
    expect(row).toMatchObject({ status: 'pending_delivery', template_id: template, instance_id: idle });
    const [m] = await getSql()`SELECT body, recipient, source_kind, source_label, source_id, state, instance_id FROM messages WHERE id = ${row.message_id}`;
    expect(m).toMatchObject({ body: 'Oi Ana, pedido A-1 na Loja Teste', recipient: '+5511987654321', source_kind: 'event', source_label: 'order_created', source_id: id, state: 'queued', instance_id: idle });
  });

  it("uses the store's own template over the account-wide one", async () => {
    const { accountId, store, who } = await setup();
    await makeInstance(accountId, { storeIds: [store.storeId] });
    await makeTemplate(accountId, 'order_paid', 'conta');
    const own = await makeTemplate(accountId, 'order_paid', 'loja', store.storeId);
    const [id] = await acceptEvents(who, [ev({ type: 'order_paid' })], 'batch');
    await processAll(accountId);
    expect((await eventRow(id!)).template_id).toBe(own);
  });

  it('sets Evento não considerado without a template, Ignorado pela entrega for a bad phone, Falha na entrega without an instance', async () => {
    const { accountId, store, who } = await setup();
    await makeTemplate(accountId, 'order_created', 'Oi');
    const [noTemplate, badPhone, ok] = await acceptEvents(who, [ev({ type: 'cart_abandoned' }), ev({ contact: { phone: '12' } }), ev()], 'batch');
    await processAll(accountId);
    expect(await eventRow(noTemplate!)).toMatchObject({ status: 'not_considered', status_reason: REASON_NO_TEMPLATE, message_id: null });
    expect(await eventRow(badPhone!)).toMatchObject({ status: 'ignored', status_reason: REASON_INVALID_PHONE, message_id: null });
    expect(await eventRow(ok!)).toMatchObject({ status: 'failed', status_reason: REASON_NO_INSTANCE });
    void store;
  });

  it("never uses another tenant's template or instance", async () => {
    const a = await setup();
    const b = await setup();
    await makeTemplate(b.accountId, 'order_created', 'de B');
    await makeInstance(b.accountId, { storeIds: [b.store.storeId] });
    const [id] = await acceptEvents(a.who, [ev()], 'rt');
    await processAll(a.accountId);
    expect((await eventRow(id!)).status).toBe('not_considered');
  });
});

describe('updateEventStatus', () => {
  it('copies sent, failed and removed outcomes, and a recovered message back to Entrega pendente', async () => {
    const { accountId, store, who } = await setup();
    await makeInstance(accountId, { storeIds: [store.storeId] });
    await makeTemplate(accountId, 'order_created', 'Oi');
    const ids = await acceptEvents(who, [ev(), ev(), ev(), ev()], 'batch');
    await processAll(accountId);
    const rows = await Promise.all(ids.map(eventRow));
    const sql = getSql();
    await sql`UPDATE messages SET state = 'sent', sent_at = now() WHERE id = ${rows[0]!.message_id}`;
    await sql`UPDATE messages SET state = 'failed', failed_at = now(), last_error = 'número inexistente' WHERE id = ${rows[1]!.message_id}`;
    await sql`UPDATE messages SET state = 'removed', removed_at = now(), removed_reason = 'Limpar fila' WHERE id = ${rows[2]!.message_id}`;
    expect(await syncEventStatuses()).toBeGreaterThanOrEqual(3);
    expect(await eventRow(ids[0]!)).toMatchObject({ status: 'sent' });
    expect(await eventRow(ids[1]!)).toMatchObject({ status: 'failed', status_reason: 'número inexistente' });
    expect(await eventRow(ids[2]!)).toMatchObject({ status: 'ignored', status_reason: 'Mensagem removida da fila: Limpar fila' });
    expect(await eventRow(ids[3]!)).toMatchObject({ status: 'pending_delivery' });
    await sql`UPDATE messages SET state = 'queued', recovered_at = now() WHERE id = ${rows[2]!.message_id}`;
    await syncEventStatuses();
    expect(await eventRow(ids[2]!)).toMatchObject({ status: 'pending_delivery', status_reason: null });
    // Nothing changes when run again.
    const again = await syncEventStatuses();
    expect(await eventRow(ids[0]!)).toMatchObject({ status: 'sent' });
    expect(again).toBeGreaterThanOrEqual(0);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { unseal } from '@/lib/crypto';
import { getInstanceDetail, listInstances } from '@/lib/instances/queries';
import { instanceInputSchema } from '@/lib/instances/schemas';
import { connectInstance, createInstance, deleteInstance, disconnectInstance, sendTestMessage, setPaused, updateInstance } from '@/lib/instances/service';
import { startFakeWhatsappCloud } from '../../fakes/whatsapp-cloud';
import { createTenant } from '../../support/factories';
import { instanceRow, makeStore, messagesOf, queuedCounts } from '../../support/queue-factories';

let actors: Awaited<ReturnType<typeof createTenant>>['actors'];
let owner: Actor;
beforeEach(async () => {
  ({ actors } = await createTenant());
  owner = actors.owner;
});

const sandbox = (extra: Record<string, unknown> = {}) =>
  instanceInputSchema.parse({ provider: 'sandbox', name: 'Sandbox 1', phoneNumber: '+55 (11) 99999-0000', intervalSeconds: '2,5', dailyLimit: '', receipts: false, ...extra });

describe('instances service', () => {
  it('creates a disconnected instance with its stores; pause, resume, connect, disconnect', async () => {
    const store = await makeStore(owner.accountId, 'Moda Praia');
    const { id } = await createInstance(actors.operator, sandbox({ storeIds: [store] }));
    let detail = await getInstanceDetail(actors.viewer, id);
    expect(detail).toMatchObject({ name: 'Sandbox 1', phoneNumber: '5511999990000', sendIntervalMs: 2500, dailyLimit: null, status: 'disconnected', paused: false });
    expect(detail.stores).toEqual([{ id: store, name: 'Moda Praia' }]);
    expect(await setPaused(owner, id, true)).toEqual({ changed: true });
    expect(await setPaused(owner, id, true)).toEqual({ changed: false });
    await setPaused(owner, id, false);
    await connectInstance(owner, id);
    expect((await instanceRow(id)).status).toBe('connected');
    await disconnectInstance(owner, id);
    detail = await getInstanceDetail(owner, id);
    expect(detail.status).toBe('disconnected');
  });

  it('keeps tokens sealed at rest and shows them masked only', async () => {
    const cloud = await startFakeWhatsappCloud({ token: 'EAAG-secret-token-1234' });
    try {
      const input = instanceInputSchema.parse({
        provider: 'whatsapp_cloud', name: 'Cloud', phoneNumber: '5511999990000', intervalSeconds: '1', dailyLimit: '1000',
        baseUrl: cloud.baseUrl, phoneNumberId: '1234567890', secret: 'EAAG-secret-token-1234',
      });
      const { id } = await createInstance(owner, input);
      const stored = (await instanceRow(id)).secret!;
      expect(stored).not.toContain('EAAG');
      expect(stored.startsWith('v1.')).toBe(true);
      expect(unseal(stored)).toBe('EAAG-secret-token-1234');
      const detail = await getInstanceDetail(owner, id);
      expect(detail.secretMasked).toBe('••••••1234');
      expect(JSON.stringify(detail)).not.toContain('EAAG');
      expect(JSON.stringify(await listInstances(owner))).not.toContain(stored);
      // A blank secret on edit keeps the stored token; the connection check uses it.
      await updateInstance(owner, id, { ...input, name: 'Cloud 2', secret: undefined });
      expect((await instanceRow(id)).secret).toBe(stored);
      expect(await connectInstance(owner, id)).toEqual({ detail: 'Loja Fake · +55 11 99999-0000' });
      await updateInstance(owner, id, { ...input, secret: 'wrong' });
      await disconnectInstance(owner, id);
      await expect(connectInstance(owner, id)).rejects.toMatchObject({ code: 'PROVIDER_CHECK_FAILED' });
    } finally {
      await cloud.close();
    }
  });

  it('refuses a provider that needs a secret without one', async () => {
    const input = instanceInputSchema.parse({ provider: 'http', name: 'Webhook', phoneNumber: '5511999990000', intervalSeconds: '1', dailyLimit: '', url: 'http://127.0.0.1:9/x' });
    await expect(createInstance(owner, input)).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { secret: expect.any(Array) } });
  });

  it('"Enviar mensagem de teste" enqueues; delete is refused while messages wait', async () => {
    const { id } = await createInstance(owner, sandbox());
    const { messageId } = await sendTestMessage(actors.operator, id, { to: '5511988887777', text: 'Olá' });
    expect((await messagesOf(id)).map((m) => [m.id, m.state])).toEqual([[messageId, 'queued']]);
    expect(await queuedCounts(id)).toEqual({ kept: 1, actual: 1 });
    await expect(deleteInstance(owner, id)).rejects.toMatchObject({ code: 'INSTANCE_HAS_MESSAGES', status: 409 });
    await getSql()`UPDATE messages SET state = 'removed' WHERE id = ${messageId}`;
    await deleteInstance(owner, id);
    await expect(getInstanceDetail(owner, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('needs the manage-instances capability; another tenant\'s instance is not found', async () => {
    const { id } = await createInstance(owner, sandbox());
    for (const role of ['editor', 'viewer'] as const) {
      const actor = actors[role];
      await expect(createInstance(actor, sandbox())).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(updateInstance(actor, id, sandbox())).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(setPaused(actor, id, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(connectInstance(actor, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(disconnectInstance(actor, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(deleteInstance(actor, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(sendTestMessage(actor, id, { to: '5511988887777', text: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const stranger = (await createTenant()).actors.owner;
    await expect(getInstanceDetail(stranger, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateInstance(stranger, id, sandbox())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setPaused(stranger, id, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteInstance(stranger, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(sendTestMessage(stranger, id, { to: '5511988887777', text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listInstances(stranger)).toEqual([]);
    const strangersStore = await makeStore(stranger.accountId);
    await expect(createInstance(owner, sandbox({ storeIds: [strangersStore] }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

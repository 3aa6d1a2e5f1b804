import { beforeEach, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { sha256Hex, unseal } from '@/lib/crypto';
import { getStoreDetail, listStores } from '@/lib/stores/queries';
import { connectStoreInstance, createStore, deleteStore, disconnectStoreInstance, renameStore } from '@/lib/stores/service';
import { createTenant } from '../../support/factories';
import { enqueue, makeInstance } from '../../support/queue-factories';

let actors: Awaited<ReturnType<typeof createTenant>>['actors'];
let owner: Actor;
beforeEach(async () => {
  ({ actors } = await createTenant());
  owner = actors.owner;
});

describe('stores service', () => {
  it('creates, renames, connects instances and lists them with their queue sizes', async () => {
    const { id } = await createStore(actors.editor, { name: 'Automação #1' });
    await renameStore(actors.editor, { storeId: id, name: 'Automação #2' });
    const a = await makeInstance(owner.accountId, { name: 'A' });
    const b = await makeInstance(owner.accountId, { name: 'B' });
    await connectStoreInstance(actors.operator, { storeId: id, instanceId: a });
    await connectStoreInstance(actors.operator, { storeId: id, instanceId: a }); // twice is once
    await enqueue(owner.accountId, a, 3, { storeId: id });
    const detail = await getStoreDetail(actors.viewer, id);
    expect(detail.store.name).toBe('Automação #2');
    expect(detail.instances.map((i) => [i.id, i.queuedCount])).toEqual([[a, 3]]);
    expect(detail.available.map((i) => i.id)).toEqual([b]);
    expect(await listStores(actors.viewer)).toMatchObject([{ id, name: 'Automação #2', instances: 1, queued: 3 }]);
    await disconnectStoreInstance(owner, { storeId: id, instanceId: a });
    expect((await getStoreDetail(owner, id)).instances).toEqual([]);
  });

  it('delete is refused while a message of the store waits', async () => {
    const { id } = await createStore(owner, { name: 'Moda Praia' });
    const instance = await makeInstance(owner.accountId, { storeIds: [id] });
    const [m] = await enqueue(owner.accountId, instance, 1, { storeId: id });
    await expect(deleteStore(owner, id)).rejects.toMatchObject({ code: 'STORE_HAS_MESSAGES', status: 409 });
    await getSql()`UPDATE messages SET state = 'sent' WHERE id = ${m!}`;
    await deleteStore(owner, id);
    expect(await listStores(owner)).toEqual([]);
  });

  it('issues the API key and webhook secret with the store: returned once, stored only hashed and sealed', async () => {
    const { id, credentials } = await createStore(actors.editor, { name: 'Com credenciais' });
    expect(credentials.apiKey).toMatch(/^pombo_/);
    expect(credentials.webhookSecret).toMatch(/^whsec_/);
    const [row] = await getSql()<{ hash: string; sealed: string }[]>`
      SELECT api_key_hash AS hash, webhook_secret_sealed AS sealed FROM store_credentials WHERE store_id = ${id}`;
    expect(row!.hash).toBe(sha256Hex(credentials.apiKey));
    expect(row!.sealed).not.toContain(credentials.webhookSecret);
    expect(unseal(row!.sealed)).toBe(credentials.webhookSecret);
  });

  it('checks capabilities and tenancy', async () => {
    const { id } = await createStore(owner, { name: 'Loja' });
    const instance = await makeInstance(owner.accountId);
    await expect(createStore(actors.viewer, { name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(renameStore(actors.viewer, { storeId: id, name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deleteStore(actors.viewer, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(connectStoreInstance(actors.editor, { storeId: id, instanceId: instance })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(disconnectStoreInstance(actors.editor, { storeId: id, instanceId: instance })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const stranger = (await createTenant()).actors.owner;
    await expect(getStoreDetail(stranger, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(renameStore(stranger, { storeId: id, name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteStore(stranger, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const strangersInstance = await makeInstance(stranger.accountId);
    await expect(connectStoreInstance(owner, { storeId: id, instanceId: strangersInstance })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listStores(stranger)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { getMaskedCredentials, rotateCredentials } from '@/lib/api/credentials';
import { authenticateStore } from '@/lib/api/store-auth';
import { unseal } from '@/lib/crypto';
import { signBody } from '@/lib/signature';
import { createTenant } from '@/tests/support/factories';
import { makeStore } from '@/tests/support/queue-factories';

const withKey = (key: string) => new Request('http://x/api/v1/events', { method: 'POST', headers: { authorization: `Bearer ${key}` } });

describe('store credentials', () => {
  it('keeps only a hash of the key and the sealed secret; shows them masked; rotation retires the old pair at once', async () => {
    const { account, actors } = await createTenant();
    const storeId = await makeStore(account.id);
    expect(await getMaskedCredentials(actors.viewer, storeId)).toBeNull();
    const first = await rotateCredentials(actors.operator, storeId);
    const [row] = await getSql()<{ api_key_hash: string; webhook_secret_sealed: string }[]>`SELECT api_key_hash, webhook_secret_sealed FROM store_credentials WHERE store_id = ${storeId}`;
    expect(JSON.stringify(row)).not.toContain(first.apiKey);
    expect(JSON.stringify(row)).not.toContain(first.webhookSecret);
    expect(unseal(row!.webhook_secret_sealed)).toBe(first.webhookSecret);
    const masked = await getMaskedCredentials(actors.viewer, storeId);
    expect(masked!.apiKey).toBe(`••••••${first.apiKey.slice(-4)}`);
    expect(masked!.webhookSecret).toBe(`••••••${first.webhookSecret.slice(-4)}`);
    expect(await authenticateStore(withKey(first.apiKey), '')).toEqual({ accountId: account.id, storeId });

    const second = await rotateCredentials(actors.owner, storeId);
    await expect(authenticateStore(withKey(first.apiKey), '')).rejects.toMatchObject({ status: 401 });
    const body = '{"a":1}';
    const oldSigned = new Request('http://x', { method: 'POST', headers: { 'x-pombo-store': storeId, 'x-pombo-signature': signBody(first.webhookSecret, body, new Date()) } });
    await expect(authenticateStore(oldSigned, body)).rejects.toMatchObject({ status: 401 });
    const newSigned = new Request('http://x', { method: 'POST', headers: { 'x-pombo-store': storeId, 'x-pombo-signature': signBody(second.webhookSecret, body, new Date()) } });
    expect(await authenticateStore(newSigned, body)).toEqual({ accountId: account.id, storeId });
  });

  it('lets only owners and operators rotate, and answers 404 for another tenant', async () => {
    const { account, actors } = await createTenant();
    const other = await createTenant();
    const storeId = await makeStore(account.id);
    for (const role of ['editor', 'viewer'] as const) await expect(rotateCredentials(actors[role], storeId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(rotateCredentials(other.actors.owner, storeId)).rejects.toMatchObject({ status: 404 });
    await expect(getMaskedCredentials(other.actors.owner, storeId)).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a signature for a store id that is not a uuid or has no credentials', async () => {
    const body = '{}';
    const sig = signBody('x', body, new Date());
    await expect(authenticateStore(new Request('http://x', { method: 'POST', headers: { 'x-pombo-store': 'nope', 'x-pombo-signature': sig } }), body)).rejects.toMatchObject({ status: 401 });
    await expect(
      authenticateStore(new Request('http://x', { method: 'POST', headers: { 'x-pombo-store': crypto.randomUUID(), 'x-pombo-signature': sig } }), body),
    ).rejects.toMatchObject({ status: 401 });
  });
});

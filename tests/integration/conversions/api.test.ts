import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as route from '@/app/api/v1/conversions/route';
import { getSql } from '@/db/client';
import { stopBoss } from '@/lib/jobs/boss';
import { bearer, makeApiStore, serveRoutes, signedHeaders } from '@/tests/support/events-factories';
import { createAccount } from '@/tests/support/factories';

let server: Awaited<ReturnType<typeof serveRoutes>>;
let store: Awaited<ReturnType<typeof makeApiStore>>;
let accountId: string;

const conversion = (over: Record<string, unknown> = {}) => ({
  externalId: `c-${Math.random().toString(36).slice(2)}`,
  eventName: 'Purchase',
  eventTime: new Date().toISOString(),
  user: { email: 'ana@loja.com' },
  customData: { value: 10, currency: 'BRL' },
  ...over,
});

beforeAll(async () => {
  server = await serveRoutes({ '/api/v1/conversions': { POST: route.POST } });
  accountId = (await createAccount()).id;
  store = await makeApiStore(accountId);
  await getSql()`INSERT INTO conversion_destinations (account_id, store_id, kind, name, config) VALUES (${accountId}, ${store.storeId}, 'sandbox', 'Sandbox', '{"mode":"success"}')`;
});
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 100));
  await stopBoss();
  await server.close();
});

async function post(body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${server.url}/api/v1/conversions`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers });
  return { status: res.status, body: (await res.json()) as { created?: number; conversions?: { id: string; status: string }[]; error?: { code: string; fields?: Record<string, string[]> } } };
}

describe('POST /api/v1/conversions', () => {
  it('accepts one event with the API key (202, Enviando) and a replay creates nothing', async () => {
    const c = conversion();
    const first = await post(c, bearer(store.apiKey));
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ created: 1, conversions: [{ status: 'sending' }] });
    const again = await post(c, bearer(store.apiKey));
    expect(again.body.created).toBe(0);
    expect(again.body.conversions![0]!.id).toBe(first.body.conversions![0]!.id);
  });

  it('accepts an array of up to 1,000 with a webhook signature, and refuses 1,001', async () => {
    const many = Array.from({ length: 1000 }, () => conversion());
    const raw = JSON.stringify(many);
    const ok = await post(raw, signedHeaders(store.storeId, store.webhookSecret, raw));
    expect(ok.status).toBe(202);
    expect(ok.body.created).toBe(1000);
    const tooMany = JSON.stringify([...many, conversion()]);
    expect((await post(tooMany, signedHeaders(store.storeId, store.webhookSecret, tooMany))).status).toBe(400);
  });

  it('answers like the events API: 401 without credentials, 400 with field errors, 413 over 1 MiB', async () => {
    expect((await post(conversion(), { 'content-type': 'application/json' })).status).toBe(401);
    const bad = await post(conversion({ user: {}, eventName: '' }), bearer(store.apiKey));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error!.fields!)).toEqual(expect.arrayContaining(['eventName', 'user']));
    expect((await post('{not json', bearer(store.apiKey))).status).toBe(400);
    const huge = await post(conversion({ customData: { blob: 'x'.repeat(1024 * 1024) } }), bearer(store.apiKey));
    expect(huge.status).toBe(413);
  });

  it('answers 422 when the store has no active destination', async () => {
    const other = await makeApiStore(accountId, { name: 'Sem destino' });
    const res = await post(conversion(), bearer(other.apiKey));
    expect(res.status).toBe(422);
    expect(res.body.error!.code).toBe('NO_CONVERSION_DESTINATION');
  });
});

describe('OpenAPI', () => {
  it('describes POST /api/v1/conversions with its body and answers', async () => {
    const { openApiDocument } = await import('@/lib/api/openapi');
    const doc = openApiDocument() as unknown as { paths: Record<string, { post: { responses: Record<string, unknown> } }>; components: { schemas: Record<string, { required?: string[] }> } };
    expect(Object.keys(doc.paths['/api/v1/conversions']!.post.responses)).toEqual(expect.arrayContaining(['202', '400', '401', '413', '422', '429']));
    expect(doc.components.schemas.Conversion!.required).toEqual(expect.arrayContaining(['externalId', 'eventName', 'eventTime', 'user']));
  });
});

describe('idempotency conflicts', () => {
  it('answers 409 for a known externalId with another event, and writes nothing of the request', async () => {
    const c = conversion();
    expect((await post(c, bearer(store.apiKey))).status).toBe(202);
    const fresh = conversion();
    const res = await post([fresh, { ...c, eventName: 'Lead' }], bearer(store.apiKey));
    expect(res.status).toBe(409);
    expect(res.body.error!.code).toBe('CONFLICT');
    const [row] = await getSql()<{ n: number }[]>`SELECT count(*)::int AS n FROM conversion_events WHERE external_id = ${fresh.externalId}`;
    expect(row!.n).toBe(0);
  });
});

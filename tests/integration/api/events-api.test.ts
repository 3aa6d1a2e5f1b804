import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as single from '@/app/api/v1/events/route';
import * as batch from '@/app/api/v1/events/batch/route';
import * as one from '@/app/api/v1/events/[id]/route';
import * as openapi from '@/app/api/v1/openapi.json/route';
import { getSql } from '@/db/client';
import { fixedClock, useClock } from '@/lib/clock';
import { signBody } from '@/lib/signature';
import { bearer, makeApiStore, sampleEvent, serveRoutes, signedHeaders } from '@/tests/support/events-factories';
import { createAccount } from '@/tests/support/factories';

let server: Awaited<ReturnType<typeof serveRoutes>>;
let store: Awaited<ReturnType<typeof makeApiStore>>;
let accountId: string;

beforeAll(async () => {
  server = await serveRoutes({
    '/api/v1/events': { POST: single.POST },
    '/api/v1/events/batch': { POST: batch.POST },
    '/api/v1/events/:id': { GET: one.GET },
    '/api/v1/openapi.json': { GET: openapi.GET },
  });
  accountId = (await createAccount()).id;
  store = await makeApiStore(accountId);
});
afterAll(() => server.close());

async function post(path: string, body: unknown, headers: Record<string, string>) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body: raw, headers });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON
}

async function countEvents(storeId: string): Promise<number> {
  const [r] = await getSql()<{ n: number }[]>`SELECT count(*)::int AS n FROM events WHERE store_id = ${storeId}`;
  return r!.n;
}

describe('POST /api/v1/events', () => {
  it('accepts an event with the API key: 202 with its id, stored on the real-time channel', async () => {
    const e = sampleEvent();
    const res = await post('/api/v1/events', e, bearer(store.apiKey));
    expect(res.status).toBe(202);
    expect(res.body.ids).toHaveLength(1);
    const [row] = await getSql()`SELECT channel, store_id, account_id, contact_name FROM events WHERE id = ${res.body.ids[0]}`;
    expect(row).toMatchObject({ channel: 'rt', store_id: store.storeId, account_id: accountId, contact_name: 'Ana' });
  });

  it('accepts a valid signature and rejects a bad one, an old or future timestamp, and a missing store header', async () => {
    const raw = JSON.stringify(sampleEvent());
    expect((await post('/api/v1/events', raw, signedHeaders(store.storeId, store.webhookSecret, raw))).status).toBe(202);
    const other = JSON.stringify(sampleEvent());
    expect((await post('/api/v1/events', other, signedHeaders(store.storeId, 'wrong-secret', other))).status).toBe(401);
    // Signed over another body (tampered in transit).
    expect((await post('/api/v1/events', other, signedHeaders(store.storeId, store.webhookSecret, raw))).status).toBe(401);
    const old = new Date(Date.now() - 6 * 60_000);
    expect((await post('/api/v1/events', other, signedHeaders(store.storeId, store.webhookSecret, other, old))).status).toBe(401);
    const future = new Date(Date.now() + 6 * 60_000);
    expect((await post('/api/v1/events', other, signedHeaders(store.storeId, store.webhookSecret, other, future))).status).toBe(401);
    const within = new Date(Date.now() - 4 * 60_000);
    expect((await post('/api/v1/events', other, signedHeaders(store.storeId, store.webhookSecret, other, within))).status).toBe(202);
    const noStore = { 'content-type': 'application/json', 'x-pombo-signature': signBody(store.webhookSecret, other, new Date()) };
    expect((await post('/api/v1/events', other, noStore)).status).toBe(401);
  });

  it('answers 401 without credentials or with a wrong key, in JSON', async () => {
    const none = await post('/api/v1/events', sampleEvent(), { 'content-type': 'application/json' });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    expect((await post('/api/v1/events', sampleEvent(), bearer('pombo_nope'))).status).toBe(401);
  });

  it('is idempotent on externalId: a replay answers the first id and creates nothing; another body is 409', async () => {
    const e = sampleEvent();
    const first = await post('/api/v1/events', e, bearer(store.apiKey));
    const before = await countEvents(store.storeId);
    // Same content, keys in another order.
    const replay = await post('/api/v1/events', { data: e.data, contact: e.contact, occurredAt: e.occurredAt, type: e.type, externalId: e.externalId }, bearer(store.apiKey));
    expect(replay).toEqual({ status: 202, body: first.body });
    const conflict = await post('/api/v1/events', { ...e, data: { order: { id: 'B-2' } } }, bearer(store.apiKey));
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.fields.externalId).toBeDefined();
    expect(await countEvents(store.storeId)).toBe(before);
  });

  it('keeps idempotency per store: the same externalId in another store is a new event', async () => {
    const other = await makeApiStore(accountId, { name: 'Outra' });
    const e = sampleEvent();
    const a = await post('/api/v1/events', e, bearer(store.apiKey));
    const b = await post('/api/v1/events', e, bearer(other.apiKey));
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body.ids[0]).not.toBe(b.body.ids[0]);
  });

  it('answers 400 with field errors for a bad schema and for invalid JSON', async () => {
    const bad = await post('/api/v1/events', { ...sampleEvent(), occurredAt: 'ontem', contact: {} }, bearer(store.apiKey));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['occurredAt', 'contact.phone']));
    const junk = await post('/api/v1/events', '{"externalId":', bearer(store.apiKey));
    expect(junk.status).toBe(400);
    expect(junk.body.error.code).toBe('VALIDATION');
  });

  it('answers 413 over 1 MiB', async () => {
    const big = JSON.stringify(sampleEvent({ data: { blob: 'x'.repeat(1024 * 1024) } }));
    expect((await post('/api/v1/events', big, bearer(store.apiKey))).status).toBe(413);
  });

  it("answers 429 once a store passes its rate limit, without touching another store's budget", async () => {
    const restore = useClock(fixedClock(new Date('2100-01-01T00:00:00Z')));
    try {
      const limited = await makeApiStore(accountId, { name: 'Limitada', rate: 2 });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await post('/api/v1/events', sampleEvent(), bearer(limited.apiKey))).status);
      expect(statuses.slice(0, 4)).toEqual([202, 202, 202, 202]);
      expect(statuses.slice(4)).toEqual([429, 429]);
      expect((await post('/api/v1/events', sampleEvent(), bearer(store.apiKey))).status).toBe(202);
    } finally {
      restore();
    }
  });
});

describe('POST /api/v1/events/batch', () => {
  it('accepts up to 1,000 events with ids in order, on the batch channel', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => sampleEvent({ externalId: `b-${i}-${Math.random()}` }));
    const res = await post('/api/v1/events/batch', { events }, bearer(store.apiKey));
    expect(res.status).toBe(202);
    expect(res.body.ids).toHaveLength(1000);
    const rows = await getSql()<{ id: string; external_id: string; channel: string }[]>`SELECT id, external_id, channel FROM events WHERE id IN ${getSql()(res.body.ids)}`;
    const byId = new Map(rows.map((r) => [r.id, r]));
    res.body.ids.forEach((id: string, i: number) => expect(byId.get(id)).toMatchObject({ external_id: events[i]!.externalId, channel: 'batch' }));
  });

  it('refuses 1,001 events and writes nothing of a batch with one bad or conflicting event', async () => {
    const tooMany = Array.from({ length: 1001 }, () => sampleEvent());
    expect((await post('/api/v1/events/batch', { events: tooMany }, bearer(store.apiKey))).status).toBe(400);
    const before = await countEvents(store.storeId);
    const withBad = [sampleEvent(), { ...sampleEvent(), type: '' }];
    const bad = await post('/api/v1/events/batch', { events: withBad }, bearer(store.apiKey));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields['events.1.type']).toBeDefined();
    const dup = sampleEvent();
    const conflict = await post('/api/v1/events/batch', { events: [sampleEvent(), dup, { ...dup, type: 'other' }] }, bearer(store.apiKey));
    expect(conflict.status).toBe(409);
    expect(await countEvents(store.storeId)).toBe(before);
  });

  it('never answers 500 nor writes part of a batch, whatever body is thrown at it', async () => {
    const before = await countEvents(store.storeId);
    const valid = sampleEvent();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map((v) => JSON.stringify({ events: [valid, v] }) ?? 'null'),
          fc.record({ externalId: fc.string(), type: fc.string(), occurredAt: fc.string(), contact: fc.anything(), data: fc.anything() }).map((v) => JSON.stringify(v)),
        ),
        fc.boolean(),
        async (raw, toBatch) => {
          const res = await fetch(`${server.url}/api/v1/events${toBatch ? '/batch' : ''}`, { method: 'POST', body: raw, headers: bearer(store.apiKey) });
          expect(res.status).not.toBe(500);
          await res.json();
        },
      ),
      { numRuns: 150 },
    );
    // Random single bodies may be valid events (then they are whole events); no batch carrying `valid` got in.
    const [r] = await getSql()<{ n: number }[]>`SELECT count(*)::int AS n FROM events WHERE store_id = ${store.storeId} AND external_id = ${valid.externalId}`;
    expect(r!.n).toBe(0);
    expect(await countEvents(store.storeId)).toBeGreaterThanOrEqual(before);
  });
});

describe('GET /api/v1/events/<id>', () => {
  it("returns the store's event with its timeline; another store's or tenant's id is 404", async () => {
    const created = await post('/api/v1/events', sampleEvent(), bearer(store.apiKey));
    const id = created.body.ids[0];
    const res = await fetch(`${server.url}/api/v1/events/${id}`, { headers: bearer(store.apiKey) });
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view).toMatchObject({ id, externalId: expect.any(String), timeline: expect.arrayContaining([expect.objectContaining({ step: 'received' })]) });
    const sameTenant = await makeApiStore(accountId, { name: 'Vizinha' });
    expect((await fetch(`${server.url}/api/v1/events/${id}`, { headers: bearer(sameTenant.apiKey) })).status).toBe(404);
    const foreign = await makeApiStore((await createAccount()).id);
    expect((await fetch(`${server.url}/api/v1/events/${id}`, { headers: bearer(foreign.apiKey) })).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/events/not-a-uuid`, { headers: bearer(store.apiKey) })).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/events/${id}`)).status).toBe(401);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('describes every /api/v1 route with schemas generated from zod', async () => {
    const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/events', '/api/v1/events/batch', '/api/v1/events/{id}']));
    expect(doc.components.schemas.Event.required).toEqual(expect.arrayContaining(['externalId', 'type', 'occurredAt', 'contact']));
    expect(doc.paths['/api/v1/events'].post.responses['409']).toBeDefined();
  });
});

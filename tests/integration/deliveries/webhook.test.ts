import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as webhook from '@/app/api/webhooks/whatsapp/route';
import { getSql } from '@/db/client';
import type { Actor, Role } from '@/lib/auth/permissions';
import { fixedClock, useClock } from '@/lib/clock';
import { computeRunStats } from '@/lib/deliveries/stats';
import { hubSignature } from '@/lib/deliveries/whatsapp-webhook';
import { stopBoss } from '@/lib/jobs/boss';
import { dispatch, generatedRun } from '../../support/deliveries-factories';
import { serveRoutes } from '../../support/events-factories';
import { createTenant } from '../../support/factories';
import { T0, makeInstance, makeStore } from '../../support/queue-factories';

const APP_SECRET = 'segredo-do-app';
const VERIFY = 'token-de-verificacao';
let server: Awaited<ReturnType<typeof serveRoutes>>;
let actors: Record<Role, Actor>;
let accountId: string;
let storeId: string;

beforeAll(async () => {
  process.env.POMBO_WHATSAPP_APP_SECRET = APP_SECRET;
  process.env.POMBO_WHATSAPP_VERIFY_TOKEN = VERIFY;
  server = await serveRoutes({
    '/api/webhooks/whatsapp': { GET: webhook.GET, POST: webhook.POST },
  });
  ({ actors } = await createTenant());
  accountId = actors.owner.accountId;
  storeId = await makeStore(accountId);
  // Sandbox with receipts on (a long delay, so only the webhook's statuses arrive in this test).
  await makeInstance(accountId, { storeIds: [storeId], config: { receiptDelayMs: 600_000 } });
});
afterAll(async () => {
  await server.close();
  await stopBoss();
});

function post(raw: string, signature: string | null = hubSignature(APP_SECRET, raw)) {
  return fetch(`${server.url}/api/webhooks/whatsapp`, {
    method: 'POST',
    body: raw,
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
  });
}

function statuses(...list: Record<string, unknown>[]) {
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', statuses: list } }] }] });
}

describe('GET /api/webhooks/whatsapp (verification handshake)', () => {
  it('echoes hub.challenge only for the configured verify token', async () => {
    const ok = await fetch(`${server.url}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(`${server.url}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=outro&hub.challenge=1`);
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await fetch(`${server.url}/api/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=${VERIFY}&hub.challenge=1`)).status).toBe(403);
    expect((await fetch(`${server.url}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY}`)).status).toBe(403);
  });
});

describe('POST /api/webhooks/whatsapp (status webhooks)', () => {
  it('maps delivered/read/failed to our messages by provider id or callback data, ignores unknown ids, and the indicators follow', async () => {
    const clock = fixedClock(T0);
    const restore = useClock(clock);
    try {
      const { runId, ids } = await generatedRun(actors, storeId, 3);
      for (let i = 0; i < 3; i++) {
        await dispatch(accountId);
        clock.advance(1_000); // the instance's interval
      }
      const rows = await getSql()<{ id: string; pid: string }[]>`
        SELECT id, provider_message_id AS pid FROM messages WHERE id = ANY(${ids}::uuid[]) ORDER BY enqueued_at`;
      expect(rows.every((r) => r.pid)).toBe(true);
      const ts = String(Math.floor(T0.getTime() / 1000) + 10);
      const res = await post(
        statuses(
          { id: rows[0]!.pid, status: 'delivered', timestamp: ts, recipient_id: '5511' },
          { id: rows[0]!.pid, status: 'read', timestamp: ts },
          { id: 'wamid.desconhecido', status: 'read', timestamp: ts, biz_opaque_callback_data: ids[1] },
          { id: rows[2]!.pid, status: 'failed', timestamp: ts, errors: [{ code: 131026, title: 'Message undeliverable' }] },
          { id: 'wamid.de-outro-sistema', status: 'delivered', timestamp: ts },
          { id: rows[0]!.pid, status: 'sent', timestamp: ts },
        ),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ received: true, statuses: 6, matched: 4, applied: 3 });
      const after = await getSql()<{ delivery_status: string; read_at: Date | null }[]>`
        SELECT delivery_status, read_at FROM messages WHERE id = ANY(${ids}::uuid[]) ORDER BY enqueued_at`;
      expect(after.map((r) => r.delivery_status)).toEqual(['read', 'read', 'failed']);
      expect(after[0]!.read_at).toEqual(new Date(Number(ts) * 1000));
      expect(await computeRunStats(runId)).toMatchObject({ sent: 3, delivered: 2, errors: 1, read: 2, pending: 0 });
    } finally {
      restore();
    }
  });

  it('refuses a missing, wrong or tampered signature with 401 and changes nothing', async () => {
    const raw = statuses({ id: 'wamid.x', status: 'delivered', timestamp: '1' });
    expect((await post(raw, null)).status).toBe(401);
    expect((await post(raw, hubSignature('outro-segredo', raw))).status).toBe(401);
    expect((await post(raw.replace('wamid.x', 'wamid.y'), hubSignature(APP_SECRET, raw))).status).toBe(401);
    const res = await post(raw, 'sha256=zz');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers bad input with a 400 JSON error', async () => {
    const notJson = await post('{nope');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    const wrongShape = await post(JSON.stringify({ object: 'page', entry: [] }));
    expect(wrongShape.status).toBe(400);
    expect((await wrongShape.json()).error.fields).toHaveProperty('object');
    const badStatus = await post(statuses({ id: 'wamid.x', status: 'lost', timestamp: 'ontem' }));
    expect(badStatus.status).toBe(400);
  });

  it('answers 503 while the app secret is not configured', async () => {
    delete process.env.POMBO_WHATSAPP_APP_SECRET;
    try {
      expect((await post(statuses())).status).toBe(503);
    } finally {
      process.env.POMBO_WHATSAPP_APP_SECRET = APP_SECRET;
    }
  });
});


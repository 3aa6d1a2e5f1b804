import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, now, useClock } from '@/lib/clock';
import { whatsappCloudProvider } from '@/lib/providers/whatsapp-cloud';
import { dispatchOnce } from '@/lib/queue/dispatcher';
import { SIGNATURE_HEADER, verifySignature } from '@/lib/signature';
import { startFakeWhatsappCloud } from '../../fakes/whatsapp-cloud';
import { createAccount } from '../../support/factories';
import { T0, enqueue, instanceRow, makeInstance, message } from '../../support/queue-factories';

const TOKEN = 'EAAG-fake-token-5678';
let cloud: Awaited<ReturnType<typeof startFakeWhatsappCloud>>;
let restore: () => void;
let accountId: string;

beforeAll(async () => {
  cloud = await startFakeWhatsappCloud({ token: TOKEN });
});
afterAll(() => cloud.close());
beforeEach(async () => {
  restore = useClock(fixedClock(T0));
  accountId = (await createAccount()).id;
});
afterEach(() => restore());

const cycle = () => dispatchOnce({ workerId: 'test', accountId, resetHour: 21 });
const cloudInstance = (token = TOKEN) =>
  makeInstance(accountId, { provider: 'whatsapp_cloud', config: { baseUrl: cloud.baseUrl, phoneNumberId: '1234567890' }, secret: token, intervalMs: 100 });

describe('whatsapp_cloud provider (real HTTP to a fake Cloud API)', () => {
  it('sends with the bearer token and the message id as idempotency key; waits for the receipt', async () => {
    const instance = await cloudInstance();
    const [id] = await enqueue(accountId, instance, 1);
    cloud.answer({ kind: 'success' });
    const before = cloud.requests.length;
    expect(await cycle()).toBe(1);
    const req = cloud.requests[before]!;
    expect(req).toMatchObject({ phoneNumberId: '1234567890', authorization: `Bearer ${TOKEN}`, idempotencyKey: id });
    expect(req.body).toMatchObject({ messaging_product: 'whatsapp', to: '5511900000000', type: 'text', text: { body: 'Mensagem 0' }, biz_opaque_callback_data: id });
    const m = await message(id!);
    expect(m).toMatchObject({ state: 'sent', attempts: 1, deliveryStatus: 'pending' });
  });

  it('a permanent Graph error fails the message at once', async () => {
    const instance = await cloudInstance();
    const [id] = await enqueue(accountId, instance, 1);
    cloud.answer({ kind: 'error', status: 400, code: 131026, message: 'Message undeliverable' });
    await cycle();
    const m = await message(id!);
    expect(m).toMatchObject({ state: 'failed', attempts: 1 });
    expect(m.lastError).toContain('131026');
  });

  it('5xx and 429 go back to the queue with backoff', async () => {
    const instance = await cloudInstance();
    const [a, b] = await enqueue(accountId, instance, 2);
    cloud.answer({ kind: 'error', status: 503 });
    await cycle();
    restore();
    restore = useClock(fixedClock(new Date(T0.getTime() + 100)));
    cloud.answer({ kind: 'error', status: 429, code: 130429 });
    await cycle();
    expect(await message(a!)).toMatchObject({ state: 'queued', attempts: 1, availableAt: new Date(T0.getTime() + 5000) });
    expect(await message(b!)).toMatchObject({ state: 'queued', attempts: 1, availableAt: new Date(T0.getTime() + 5100) });
  });

  it('a refused token disconnects the instance and the message waits without spending an attempt', async () => {
    const instance = await cloudInstance('wrong-token');
    const [id] = await enqueue(accountId, instance, 1);
    await cycle();
    expect(await message(id!)).toMatchObject({ state: 'queued', attempts: 0 });
    const row = await instanceRow(instance);
    expect(row.status).toBe('disconnected');
    expect(row.statusReason).toContain('190');
    expect(await cycle()).toBe(0);
  });

  it('a provider that does not answer in time is a transient timeout', async () => {
    cloud.answer({ kind: 'timeout' });
    const outcome = await whatsappCloudProvider.send(
      { id: 'i', phoneNumber: '5511999990000', config: { baseUrl: cloud.baseUrl, phoneNumberId: '1234567890' }, secret: TOKEN },
      { id: '00000000-0000-0000-0000-000000000001', to: '5511988887777', body: 'oi', attempt: 1 },
      AbortSignal.timeout(200),
    );
    expect(outcome).toEqual({ ok: false, kind: 'transient', error: 'Tempo esgotado ao chamar o provedor' });
  });

  it('the connection check accepts the right token and refuses a wrong one', async () => {
    const config = { baseUrl: cloud.baseUrl, phoneNumberId: '1234567890' };
    const ok = await whatsappCloudProvider.check({ id: 'i', phoneNumber: '5511999990000', config, secret: TOKEN }, AbortSignal.timeout(2000));
    expect(ok).toEqual({ ok: true, detail: 'Loja Fake · +55 11 99999-0000' });
    const bad = await whatsappCloudProvider.check({ id: 'i', phoneNumber: '5511999990000', config, secret: 'nope' }, AbortSignal.timeout(2000));
    expect(bad.ok).toBe(false);
  });
});

describe('http provider (signed POST to a local receiver)', () => {
  const SECRET = 'whsec-local-receiver';
  let server: Server;
  let url: string;
  const received: { id: string; key: string | undefined; valid: boolean }[] = [];
  let answer = 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const valid = verifySignature(req.headers[SIGNATURE_HEADER.toLowerCase()] as string, SECRET, raw, now());
        const body = JSON.parse(raw) as { id: string };
        received.push({ id: body.id, key: req.headers['idempotency-key'] as string | undefined, valid });
        res.writeHead(valid ? answer : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `rcv-${body.id}` }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('signs each message; 2xx is sent and delivered', async () => {
    answer = 200;
    const instance = await makeInstance(accountId, { provider: 'http', config: { url }, secret: SECRET, intervalMs: 100 });
    const [id] = await enqueue(accountId, instance, 1);
    await cycle();
    expect(received.at(-1)).toEqual({ id, key: id, valid: true });
    expect(await message(id!)).toMatchObject({ state: 'sent', deliveryStatus: 'delivered' });
  });

  it('5xx is retried; a wrong secret is refused by the receiver and disconnects the instance', async () => {
    answer = 500;
    const retrying = await makeInstance(accountId, { provider: 'http', config: { url }, secret: SECRET, intervalMs: 100 });
    const wrong = await makeInstance(accountId, { provider: 'http', config: { url }, secret: 'not-the-secret', intervalMs: 100 });
    const [a] = await enqueue(accountId, retrying, 1);
    const [b] = await enqueue(accountId, wrong, 1);
    await cycle();
    expect(await message(a!)).toMatchObject({ state: 'queued', attempts: 1 });
    expect(received.find((r) => r.id === b)?.valid).toBe(false);
    expect(await message(b!)).toMatchObject({ state: 'queued', attempts: 0 });
    expect((await instanceRow(wrong)).status).toBe('disconnected');
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import type { Actor, Role } from '@/lib/auth/permissions';
import { fixedClock, useClock } from '@/lib/clock';
import { sweepValidity, VALIDITY_RETRY_MS } from '@/lib/deliveries/validity';
import { stopBoss } from '@/lib/jobs/boss';
import { applyReceipts } from '@/lib/queue/receipts';
import { completeRuns } from '@/lib/sends/lifecycle';
import { startFakeHttpReceiver } from '../../fakes/http-receiver';
import { startFakeWhatsappCloud } from '../../fakes/whatsapp-cloud';
import { dispatch, generatedRun, snapshot } from '../../support/deliveries-factories';
import { createTenant } from '../../support/factories';
import { T0, makeInstance, makeStore } from '../../support/queue-factories';

const TOKEN = 'token-da-nuvem';
const HOUR = 3_600_000;
let actors: Record<Role, Actor>;
let accountId: string;
let cloud: Awaited<ReturnType<typeof startFakeWhatsappCloud>>;
let receiver: Awaited<ReturnType<typeof startFakeHttpReceiver>>;
let clock: ReturnType<typeof fixedClock>;
let restore: () => void;

beforeAll(async () => {
  ({ actors } = await createTenant());
  accountId = actors.owner.accountId;
  cloud = await startFakeWhatsappCloud({ token: TOKEN });
  receiver = await startFakeHttpReceiver();
});
afterEach(() => restore?.());
afterAll(async () => {
  await cloud.close();
  await receiver.close();
  await stopBoss();
});

/** A store served by one instance: WhatsApp Cloud (reports receipts) or generic HTTP (reports nothing). */
async function storeOn(feedback: boolean): Promise<string> {
  const storeId = await makeStore(accountId);
  await makeInstance(accountId, {
    storeIds: [storeId],
    ...(feedback
      ? { provider: 'whatsapp_cloud', config: { baseUrl: cloud.baseUrl, phoneNumberId: '1234567890' }, secret: TOKEN }
      : { provider: 'http', config: { url: receiver.url }, secret: 'segredo-http' }),
  });
  return storeId;
}

let day = 0;
/** Each test starts days after the previous one, so the global validity sweep never sees an earlier test's messages as recent. */
function start() {
  clock = fixedClock(new Date(T0.getTime() + day++ * 3 * 24 * HOUR));
  restore = useClock(clock);
}

/** Dispatches once, then moves the clock past the instance's interval (and any back-off). */
async function tick(ms = 1_000) {
  await dispatch(accountId);
  clock.advance(ms);
}

const at = () => clock.now();
const runState = async (runId: string) => (await getSql()<{ state: string }[]>`SELECT state FROM send_runs WHERE id = ${runId}`)[0]!.state;
const fail503 = { kind: 'error', status: 503, code: 131000 } as const;

describe('"Com o serviço de feedback" (provider reports receipts)', () => {
  it('row 1: handed to the provider → Pendente; % Entregues and % Rejeições + erros start at 0%, then delivered grows with each receipt', async () => {
    start();
    const { runId, ids: [a, b] } = await generatedRun(actors, await storeOn(true), 2);
    let s = await snapshot(runId);
    expect(s.stats).toMatchObject({ toDeliver: 2, sent: 0 });
    await tick();
    await tick();
    s = await snapshot(runId);
    expect([s.log(a!), s.log(b!)]).toEqual(['pending', 'pending']);
    expect(s.stats).toMatchObject({ sent: 2, delivered: 0, errors: 0, pending: 2 });
    expect(s.pct).toMatchObject({ delivered: 0, errors: 0 });
    await applyReceipts([{ messageId: b!, status: 'delivered', at: at() }]);
    s = await snapshot(runId);
    expect(s.log(b!)).toBe('sent');
    expect(s.pct).toMatchObject({ delivered: 50, errors: 0 });
    await applyReceipts([{ messageId: b!, status: 'read', at: at() }]);
    expect((await snapshot(runId)).pct).toMatchObject({ delivered: 50, read: 50 });
  });

  it('row 2: a hard failure (refused at send, or a failed receipt) → Com falha; % Rejeições + erros rises, % Entregues unchanged', async () => {
    start();
    const { runId, ids: [a, b] } = await generatedRun(actors, await storeOn(true), 2);
    await tick();
    cloud.answer({ kind: 'error', status: 400, code: 131026, message: 'Message undeliverable' });
    await tick();
    let s = await snapshot(runId);
    expect([s.log(a!), s.log(b!)]).toEqual(['pending', 'failed']);
    expect(s.pct).toMatchObject({ delivered: 0, errors: 50 });
    await applyReceipts([{ messageId: a!, status: 'failed', at: at() }]);
    s = await snapshot(runId);
    expect(s.log(a!)).toBe('failed');
    expect(s.pct).toMatchObject({ delivered: 0, errors: 100 });
  });

  it('rows 3 and 4: a temporary failure → Com falha (errors ↑, delivered unchanged); the retry within the validity period succeeds → Enviada (delivered ↑, errors ↓)', async () => {
    start();
    const { runId, ids: [c] } = await generatedRun(actors, await storeOn(true), 1);
    cloud.answer(fail503);
    await tick(6_000);
    let s = await snapshot(runId);
    expect(s.log(c!)).toBe('failed');
    expect(s.pct).toMatchObject({ delivered: 0, errors: 100 });
    // The queue's own quick retries fail too; the validity period keeps the message alive.
    cloud.answer(fail503, fail503);
    await tick(21_000);
    await tick(1_000);
    const [m] = await getSql()`SELECT state, attempts FROM messages WHERE id = ${c!}`;
    expect(m).toMatchObject({ state: 'failed', attempts: 3 });
    expect((await snapshot(runId)).log(c!)).toBe('failed');
    expect(await sweepValidity()).toMatchObject({ requeued: 1 });
    clock.advance(VALIDITY_RETRY_MS);
    await tick();
    s = await snapshot(runId);
    expect(s.log(c!)).toBe('pending');
    expect(s.pct).toMatchObject({ delivered: 0, errors: 0 });
    await applyReceipts([{ messageId: c!, status: 'delivered', at: at() }]);
    s = await snapshot(runId);
    expect(s.log(c!)).toBe('sent');
    expect(s.pct).toMatchObject({ delivered: 100, errors: 0 });
  });

  it('row 5: retries fail until the validity period ends → Com falha, no change in either percentage', async () => {
    start();
    const { runId, ids: [d] } = await generatedRun(actors, await storeOn(true), 1);
    cloud.answer(fail503, fail503, fail503);
    await tick(6_000);
    await tick(21_000);
    await tick();
    const before = await snapshot(runId);
    expect(before.log(d!)).toBe('failed');
    expect(before.pct).toMatchObject({ delivered: 0, errors: 100 });
    // Failed for now but due a retry: the run is not over.
    await completeRuns();
    expect(await runState(runId)).toBe('in_progress');
    expect(await sweepValidity()).toMatchObject({ requeued: 1 });
    // The validity period (24 h from the first attempt) ends before the retry is sent.
    clock.advance(24 * HOUR);
    expect(await sweepValidity()).toMatchObject({ requeued: 0, expired: 1 });
    await completeRuns();
    expect(await runState(runId)).toBe('done');
    await tick();
    const [m] = await getSql()`SELECT state, last_error FROM messages WHERE id = ${d!}`;
    expect(m!.state).toBe('failed');
    expect(m!.last_error).toMatch(/validade/);
    const after = await snapshot(runId);
    expect(after.log(d!)).toBe('failed');
    expect(after.pct).toEqual(before.pct);
    expect(await sweepValidity()).toMatchObject({ requeued: 0, expired: 0 });
  });
});

describe('"Sem Serviço de feedback" (http provider, no receipts)', () => {
  it('row 1: handed to the provider → Enviada; % Entregues starts at 100%, % Rejeições + erros at 0%', async () => {
    start();
    const { runId, ids: [e, f] } = await generatedRun(actors, await storeOn(false), 2);
    await tick();
    let s = await snapshot(runId);
    expect(s.log(e!)).toBe('sent');
    expect(s.pct).toMatchObject({ delivered: 100, errors: 0 });
    await tick();
    s = await snapshot(runId);
    expect([s.log(e!), s.log(f!)]).toEqual(['sent', 'sent']);
    expect(s.stats).toMatchObject({ sent: 2, delivered: 2, errors: 0, pending: 0 });
  });

  it('row 2: a hard failure reported → Com falha; % Entregues drops, % Rejeições + erros rises', async () => {
    start();
    const { runId, ids: [g, h] } = await generatedRun(actors, await storeOn(false), 2);
    await tick();
    expect((await snapshot(runId)).pct).toMatchObject({ delivered: 100, errors: 0 });
    receiver.answer(422);
    await tick();
    let s = await snapshot(runId);
    expect([s.log(g!), s.log(h!)]).toEqual(['sent', 'failed']);
    expect(s.pct).toMatchObject({ delivered: 50, errors: 50 });
    await applyReceipts([{ messageId: g!, status: 'failed', at: at() }]);
    s = await snapshot(runId);
    expect(s.log(g!)).toBe('failed');
    expect(s.pct).toMatchObject({ delivered: 0, errors: 100 });
  });

  it('rows 3 and 4: a temporary failure → still Enviada, no change; the retry succeeds → Enviada, no change', async () => {
    start();
    const { runId, ids: [i] } = await generatedRun(actors, await storeOn(false), 1);
    receiver.answer(503);
    await tick(6_000);
    let s = await snapshot(runId);
    const [m] = await getSql()`SELECT state, attempts FROM messages WHERE id = ${i!}`;
    expect(m).toMatchObject({ state: 'queued', attempts: 1 });
    expect(s.log(i!)).toBe('sent');
    expect(s.pct).toMatchObject({ delivered: 100, errors: 0 });
    await tick();
    s = await snapshot(runId);
    expect(s.log(i!)).toBe('sent');
    expect(s.pct).toMatchObject({ delivered: 100, errors: 0 });
    const [sent] = await getSql()`SELECT state FROM messages WHERE id = ${i!}`;
    expect(sent!.state).toBe('sent');
  });

  it('row 5: retries fail until the validity period ends → Com falha; % Entregues drops, % Rejeições + erros rises', async () => {
    start();
    const { runId, ids: [j] } = await generatedRun(actors, await storeOn(false), 1);
    receiver.answer(503, 503, 503);
    await tick(6_000);
    await tick(21_000);
    await tick();
    let s = await snapshot(runId);
    expect(s.log(j!)).toBe('sent'); // the queue gave up, but the validity period is still open
    expect(s.pct).toMatchObject({ delivered: 100, errors: 0 });
    expect(await sweepValidity()).toMatchObject({ requeued: 1 });
    receiver.answer(503);
    clock.advance(VALIDITY_RETRY_MS);
    await tick();
    expect((await snapshot(runId)).log(j!)).toBe('sent');
    clock.advance(24 * HOUR);
    expect(await sweepValidity()).toMatchObject({ requeued: 0 });
    s = await snapshot(runId);
    expect(s.log(j!)).toBe('failed');
    expect(s.pct).toMatchObject({ delivered: 0, errors: 100 });
  });
});

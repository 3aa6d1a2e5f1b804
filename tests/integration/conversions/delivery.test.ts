import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { fixedClock, useClock } from '@/lib/clock';
import { deliverDestination } from '@/lib/conversions/deliver';
import { ingestConversions } from '@/lib/conversions/ingest';
import { repairStaleClaims, runConversionSweep } from '@/lib/conversions/sweep';
import { startFakeMetaGraph, type FakeMetaGraph } from '../../fakes/meta-graph';
import { attemptsOf, conversionInput, conversionRow, ingestMany, storeWithMetaDestination } from '../../support/conversions-factories';
import { createTenant } from '../../support/factories';

const MIN = 60_000;
const sha = (v: string) => createHash('sha256').update(v).digest('hex');

let fake: FakeMetaGraph;
let clock: ReturnType<typeof fixedClock>;
let restore: () => void;
let target: { accountId: string; storeId: string; destinationId: string };

beforeAll(async () => {
  fake = await startFakeMetaGraph();
});
afterAll(() => fake.close());

beforeEach(async () => {
  clock = fixedClock(new Date());
  restore = useClock(clock);
  fake.reset();
  const { account, actors } = await createTenant();
  target = { accountId: account.id, ...(await storeWithMetaDestination(actors.owner, fake)) };
});
afterEach(() => restore());

async function ingestOne(overrides: Record<string, unknown> = {}) {
  const { conversions } = await ingestConversions(target, [conversionInput({ eventTime: clock.now().toISOString(), ...overrides })]);
  return conversions[0]!.id;
}

describe('first attempt (Enviando)', () => {
  it('starts in Enviando and ends in Sucesso, sending hashed user data, event_id and the pixel to Meta', async () => {
    const id = await ingestOne({ externalId: 'order-1', eventId: 'dedup-1' });
    expect((await conversionRow(id)).status).toBe('sending');
    const before = fake.requests.length;
    const tally = await deliverDestination(target.destinationId);
    expect(tally.succeeded).toBe(1);
    const row = await conversionRow(id);
    expect(row.status).toBe('succeeded');
    expect(row.attempts).toBe(1);
    const sent = fake.requests.slice(before).flatMap((r) => r.events);
    const event = sent.find((e) => e.event_id === 'dedup-1')!;
    expect(event).toMatchObject({ event_name: 'Purchase', action_source: 'website', custom_data: { value: 129.9, currency: 'BRL' } });
    expect(event.user_data).toEqual({ em: [sha('cliente@example.com')], ph: [sha('5511987654321')] });
    const attempts = await attemptsOf(id);
    expect(attempts).toMatchObject([{ attempt: 1, outcome: 'success', httpStatus: 200, manual: false }]);
  });

  it('a permanent error (invalid parameter) ends in Falha with the platform error', async () => {
    fake.script('permanent');
    const id = await ingestOne();
    await deliverDestination(target.destinationId);
    const row = await conversionRow(id);
    expect(row.status).toBe('failed');
    expect(row.failureReason).toBe('erro permanente');
    expect(row.lastError).toContain('#100');
    expect((await attemptsOf(id))[0]).toMatchObject({ outcome: 'permanent', httpStatus: 400 });
  });

  it('an access token Meta refuses is a permanent failure', async () => {
    await getSql()`UPDATE conversion_destinations SET secret = ${(await import('@/lib/crypto')).seal('wrong-token')} WHERE id = ${target.destinationId}`;
    const id = await ingestOne();
    await deliverDestination(target.destinationId);
    expect(await conversionRow(id)).toMatchObject({ status: 'failed' });
    expect((await attemptsOf(id))[0]).toMatchObject({ httpStatus: 401 });
  });

  for (const behaviour of ['5xx', '429', 'transient_code', 'timeout'] as const) {
    it(`an external problem (${behaviour}) goes to Esperando Retentativa, due 30 minutes after the attempt`, async () => {
      fake.script(behaviour);
      const id = await ingestOne();
      await deliverDestination(target.destinationId, { timeoutMs: 300 });
      const row = await conversionRow(id);
      expect(row.status).toBe('waiting_retry');
      expect(row.nextAttemptAt.getTime()).toBe(row.lastAttemptAt!.getTime() + 30 * MIN);
      expect((await attemptsOf(id))[0]!.outcome).toBe('transient');
    });
  }

  it('a network error (nothing listening) is an external problem too', async () => {
    await getSql()`UPDATE conversion_destinations SET config = config || '{"graphBaseUrl":"http://127.0.0.1:9"}'::jsonb WHERE id = ${target.destinationId}`;
    const id = await ingestOne();
    await deliverDestination(target.destinationId);
    expect(await conversionRow(id)).toMatchObject({ status: 'waiting_retry', lastError: expect.stringContaining('Erro de rede') });
  });
});

describe('retries (Esperando Retentativa → Reenviando → …)', () => {
  it('retries 30 minutes after the LAST attempt, not before, and back to waiting while the problem persists', async () => {
    fake.script('5xx');
    const id = await ingestOne();
    await deliverDestination(target.destinationId);
    const first = (await conversionRow(id)).lastAttemptAt!;

    clock.advance(29 * MIN + 59_000);
    expect((await deliverDestination(target.destinationId)).sent).toBe(0);
    expect((await conversionRow(id)).status).toBe('waiting_retry');

    clock.advance(1000); // exactly 30 minutes
    fake.script('429');
    expect((await deliverDestination(target.destinationId)).waiting).toBe(1);
    const second = await conversionRow(id);
    expect(second.status).toBe('waiting_retry');
    expect(second.lastAttemptAt!.getTime()).toBe(first.getTime() + 30 * MIN);
    expect(second.nextAttemptAt.getTime()).toBe(second.lastAttemptAt!.getTime() + 30 * MIN);

    clock.advance(30 * MIN);
    await deliverDestination(target.destinationId);
    expect(await conversionRow(id)).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect((await attemptsOf(id)).map((a) => a.outcome)).toEqual(['transient', 'transient', 'success']);
  });

  it('shows Reenviando while the retry is in flight, and a retry can end in Falha', async () => {
    fake.script('5xx');
    const id = await ingestOne();
    await deliverDestination(target.destinationId);
    clock.advance(30 * MIN);
    fake.script('timeout');
    const running = deliverDestination(target.destinationId, { timeoutMs: 1500 });
    for (let i = 0; i < 50 && (await conversionRow(id)).status !== 'resending'; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await conversionRow(id)).status).toBe('resending');
    await running;
    expect((await conversionRow(id)).status).toBe('waiting_retry');
    clock.advance(30 * MIN);
    fake.script('permanent');
    await deliverDestination(target.destinationId);
    expect(await conversionRow(id)).toMatchObject({ status: 'failed', failureReason: 'erro permanente' });
  });

  it('past 7 days after event_time the event stops retrying and fails as "expirado"', async () => {
    fake.script('5xx');
    const id = await ingestOne({ eventTime: new Date(clock.now().getTime() - (7 * 24 * 60 - 20) * MIN).toISOString() });
    await deliverDestination(target.destinationId);
    expect((await conversionRow(id)).status).toBe('waiting_retry');
    clock.advance(30 * MIN);
    const calls = fake.calls();
    const tally = await deliverDestination(target.destinationId);
    expect(tally.expired).toBe(1);
    expect(fake.calls()).toBe(calls); // nothing sent
    expect(await conversionRow(id)).toMatchObject({ status: 'failed', failureReason: 'expirado' });
  });

  it('an event already past the window on its first attempt fails as "expirado" without a call', async () => {
    const id = await ingestOne({ eventTime: new Date(clock.now().getTime() - 7 * 24 * 60 * MIN - 1000).toISOString() });
    const calls = fake.calls();
    // First attempts of too-old events are expired before any call.
    await deliverDestination(target.destinationId);
    expect(fake.calls()).toBe(calls);
    expect(await conversionRow(id)).toMatchObject({ status: 'failed', failureReason: 'expirado' });
  });
});

describe('batches and concurrency', () => {
  it('sends data batches of at most 1,000 per request', async () => {
    await ingestMany(target, 2500, clock.now());
    const before = fake.requests.length;
    await deliverDestination(target.destinationId);
    expect(fake.requests.slice(before).map((r) => r.events.length)).toEqual([1000, 1000, 500]);
  });

  it('a transient answer for an event that left the window during the call fails as "expirado" instead of waiting', async () => {
    const id = await ingestOne({ eventTime: new Date(clock.now().getTime() - 7 * 24 * 60 * MIN + 1000).toISOString() });
    fake.script('timeout');
    const calls = fake.calls();
    const delivering = deliverDestination(target.destinationId, { timeoutMs: 500 });
    while (fake.calls() === calls) await new Promise((r) => setTimeout(r, 10));
    clock.advance(2000); // the window closes while the request is on its way
    await delivering;
    expect(await conversionRow(id)).toMatchObject({ status: 'failed', failureReason: 'expirado' });
  });

  it('two workers at once never send the same event twice', async () => {
    await ingestMany(target, 3000, clock.now());
    const before = fake.requests.length;
    const [a, b] = await Promise.all([deliverDestination(target.destinationId, { batchSize: 250 }), deliverDestination(target.destinationId, { batchSize: 250 })]);
    expect(a.succeeded + b.succeeded).toBe(3000);
    const ids = fake.requests.slice(before).flatMap((r) => r.events.map((e) => e.event_id));
    expect(ids).toHaveLength(3000);
    expect(new Set(ids).size).toBe(3000);
  });

  it('is idempotent on (store, externalId): a replay creates nothing', async () => {
    const input = conversionInput({ externalId: 'same-order' });
    const first = await ingestConversions(target, [input]);
    const again = await ingestConversions(target, [input]);
    expect(first.created).toBe(1);
    expect(again.created).toBe(0);
    expect(again.conversions.map((c) => c.id)).toEqual(first.conversions.map((c) => c.id));
  });
});

describe('crash recovery', () => {
  it('a claim left by a dead worker is repaired by the sweep and delivered, the interrupted attempt recorded', async () => {
    fake.script('5xx');
    const id = await ingestOne();
    await deliverDestination(target.destinationId);
    clock.advance(30 * MIN);
    // A worker claimed the retry (Reenviando) and died before the answer.
    await getSql()`UPDATE conversion_events SET status = 'resending', claim_token = gen_random_uuid(), claimed_at = ${clock.now()}, attempts = attempts + 1 WHERE id = ${id}`;
    expect((await deliverDestination(target.destinationId)).sent).toBe(0); // still held
    clock.advance(4 * MIN);
    expect(await repairStaleClaims()).toBe(0); // lease not over yet
    clock.advance(2 * MIN);
    const result = await runConversionSweep();
    expect(result.repaired).toBeGreaterThanOrEqual(1);
    expect(await conversionRow(id)).toMatchObject({ status: 'succeeded', attempts: 3, claimToken: null });
    expect((await attemptsOf(id)).map((a) => a.outcome)).toEqual(['transient', 'lease_expired', 'success']);
  });

  it('a first attempt cut short (Enviando) is repaired the same way', async () => {
    const id = await ingestOne();
    await getSql()`UPDATE conversion_events SET claim_token = gen_random_uuid(), claimed_at = ${clock.now()}, attempts = 1 WHERE id = ${id}`;
    clock.advance(6 * MIN);
    await runConversionSweep();
    expect(await conversionRow(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });
});

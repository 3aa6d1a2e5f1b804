import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { fixedClock, useClock } from '@/lib/clock';
import { claimDue } from '@/lib/queue/claim';
import { completeBatch } from '@/lib/queue/complete';
import { dispatchOnce, sweepLeases } from '@/lib/queue/dispatcher';
import { LEASE_MS } from '@/lib/queue/pacing';
import { createAccount } from '../../support/factories';
import { T0, enqueue, instanceRow, makeInstance, message, messagesOf, queuedCounts } from '../../support/queue-factories';

let clock: ReturnType<typeof fixedClock>;
let restore: () => void;
let accountId: string;
beforeEach(async () => {
  clock = fixedClock(T0);
  restore = useClock(clock);
  accountId = (await createAccount()).id;
});
afterEach(() => restore());

const cycle = () => dispatchOnce({ workerId: 'test', accountId, resetHour: 21 });
const at = (ms: number) => new Date(T0.getTime() + ms);

async function attemptsOf(id: string) {
  return getSql()<{ attempt: number; outcome: string; startedAt: Date }[]>`
    SELECT attempt, outcome, started_at AS "startedAt" FROM message_attempts WHERE message_id = ${id} ORDER BY attempt`;
}
async function daily(instanceId: string) {
  return getSql()<{ day: string; sent: number; failed: number }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, sent, failed FROM instance_daily_stats WHERE instance_id = ${instanceId} ORDER BY day`;
}

describe('dispatcher', () => {
  it('sends oldest first, one per interval: the next starts when now ≥ last start + interval', async () => {
    const instance = await makeInstance(accountId, { intervalMs: 1000 });
    const ids = await enqueue(accountId, instance, 3);
    expect(await cycle()).toBe(1);
    expect(await cycle()).toBe(0); // same instant: not due
    clock.advance(999);
    expect(await cycle()).toBe(0);
    clock.advance(1);
    expect(await cycle()).toBe(1);
    clock.advance(1500);
    expect(await cycle()).toBe(1);
    const rows = await messagesOf(instance);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
    expect(rows.map((r) => r.claimedAt)).toEqual([T0, at(1000), at(2500)]);
    expect((await instanceRow(instance)).nextSendAt).toEqual(at(3500));
    expect(await queuedCounts(instance)).toEqual({ kept: 0, actual: 0 });
    expect(await daily(instance)).toEqual([{ day: '2100-03-10', sent: 3, failed: 0 }]);
  });

  it('keeps at most one message in flight per instance', async () => {
    const instance = await makeInstance(accountId, { intervalMs: 100 });
    await enqueue(accountId, instance, 3);
    const first = await claimDue({ at: T0, day: '2100-03-10', workerId: 'a', limit: 10, accountId });
    expect(first).toHaveLength(1);
    // Well past the interval, but the first is still being sent.
    expect(await claimDue({ at: at(5000), day: '2100-03-10', workerId: 'b', limit: 10, accountId })).toHaveLength(0);
    expect((await instanceRow(instance)).inFlight).toBe(first[0]!.id);
    await completeBatch([{ claim: first[0]!, ok: true, providerMessageId: 'x' }], { at: at(5000), day: '2100-03-10', workerId: 'a' });
    expect(await claimDue({ at: at(5000), day: '2100-03-10', workerId: 'b', limit: 10, accountId })).toHaveLength(1);
  });

  it('claims every due instance in one cycle', async () => {
    const instances = await Promise.all([1, 2, 3, 4, 5].map(() => makeInstance(accountId, { intervalMs: 100 })));
    for (const i of instances) await enqueue(accountId, i, 2);
    expect(await cycle()).toBe(5);
    clock.advance(100);
    expect(await cycle()).toBe(5);
    expect(await cycle()).toBe(0);
  });

  it('sends nothing while disconnected, paused or over the daily limit', async () => {
    const off = await makeInstance(accountId, { status: 'disconnected' });
    const paused = await makeInstance(accountId, { paused: true });
    const limited = await makeInstance(accountId, { dailyLimit: 1, intervalMs: 100 });
    for (const i of [off, paused, limited]) await enqueue(accountId, i, 2);
    expect(await cycle()).toBe(1); // the limited one's first
    clock.advance(60_000);
    expect(await cycle()).toBe(0);
    expect((await messagesOf(limited)).map((m) => m.state)).toEqual(['sent', 'queued']);
    expect(await queuedCounts(off)).toEqual({ kept: 2, actual: 2 });
    expect(await queuedCounts(paused)).toEqual({ kept: 2, actual: 2 });
  });

  it('the daily limit starts over at 21:00 UTC, and the rollup counts each day', async () => {
    const evening = new Date('2100-03-10T20:59:00.000Z');
    clock.set(evening);
    const instance = await makeInstance(accountId, { dailyLimit: 2, intervalMs: 100, nextSendAt: evening });
    await enqueue(accountId, instance, 4, { at: evening });
    expect(await cycle()).toBe(1);
    clock.advance(100);
    expect(await cycle()).toBe(1);
    clock.advance(100);
    expect(await cycle()).toBe(0); // limit reached
    clock.set(new Date('2100-03-10T20:59:59.999Z'));
    expect(await cycle()).toBe(0);
    clock.set(new Date('2100-03-10T21:00:00.000Z'));
    expect(await cycle()).toBe(1);
    clock.advance(100);
    expect(await cycle()).toBe(1);
    expect(await daily(instance)).toEqual([
      { day: '2100-03-10', sent: 2, failed: 0 },
      { day: '2100-03-11', sent: 2, failed: 0 },
    ]);
  });

  it('a transient failure returns with backoff and fails on the third attempt', async () => {
    const instance = await makeInstance(accountId, { intervalMs: 100, config: { failureRate: 1, transientShare: 1, receiptDelayMs: null } });
    const [id] = await enqueue(accountId, instance, 1);
    expect(await cycle()).toBe(1);
    let m = await message(id!);
    expect(m).toMatchObject({ state: 'queued', attempts: 1, availableAt: at(5_000) });
    expect(m.lastError).toContain('Sandbox');
    clock.set(at(4_999));
    expect(await cycle()).toBe(0);
    clock.set(at(5_000));
    expect(await cycle()).toBe(1);
    expect(await message(id!)).toMatchObject({ state: 'queued', attempts: 2, availableAt: at(25_000) });
    clock.set(at(25_000));
    expect(await cycle()).toBe(1);
    m = await message(id!);
    expect(m).toMatchObject({ state: 'failed', attempts: 3 });
    expect((await attemptsOf(id!)).map((a) => [a.attempt, a.outcome])).toEqual([[1, 'transient'], [2, 'transient'], [3, 'transient']]);
    expect(await daily(instance)).toEqual([{ day: '2100-03-10', sent: 0, failed: 1 }]);
    expect(await queuedCounts(instance)).toEqual({ kept: 0, actual: 0 });
  });

  it('a message waiting for its retry does not hold up the ones behind it', async () => {
    const instance = await makeInstance(accountId, { intervalMs: 100, config: { failureRate: 1, transientShare: 1, receiptDelayMs: null } });
    const [first, second] = await enqueue(accountId, instance, 2);
    await cycle();
    clock.advance(100);
    await cycle();
    expect((await message(first!)).attempts).toBe(1);
    expect((await message(second!)).attempts).toBe(1);
  });

  it('a permanent failure fails at once', async () => {
    const instance = await makeInstance(accountId, { intervalMs: 100, config: { failureRate: 1, transientShare: 0, receiptDelayMs: null } });
    const [id] = await enqueue(accountId, instance, 1);
    await cycle();
    expect(await message(id!)).toMatchObject({ state: 'failed', attempts: 1 });
    expect((await attemptsOf(id!)).map((a) => a.outcome)).toEqual(['permanent']);
  });

  it('a message whose lease expired returns to the queue; the late answer changes nothing', async () => {
    const instance = await makeInstance(accountId, { intervalMs: 100 });
    const [id] = await enqueue(accountId, instance, 1);
    const [claim] = await claimDue({ at: T0, day: '2100-03-10', workerId: 'dead', limit: 10, accountId });
    clock.set(at(LEASE_MS - 1));
    expect(await sweepLeases({ accountId })).toBe(0);
    clock.set(at(LEASE_MS + 1));
    expect(await sweepLeases({ accountId })).toBe(1);
    expect(await message(id!)).toMatchObject({ state: 'queued', attempts: 1 });
    expect((await instanceRow(instance)).inFlight).toBeNull();
    expect(await queuedCounts(instance)).toEqual({ kept: 1, actual: 1 });
    expect(await cycle()).toBe(1);
    expect(await message(id!)).toMatchObject({ state: 'sent', attempts: 2 });
    // The dead worker's answer arrives late: its claim (attempt 1) is no longer the message's.
    expect(await completeBatch([{ claim: claim!, ok: false, kind: 'permanent', error: 'late' }], { at: at(LEASE_MS + 2), day: '2100-03-10', workerId: 'dead' })).toBe(0);
    expect(await message(id!)).toMatchObject({ state: 'sent' });
    expect((await attemptsOf(id!)).map((a) => a.outcome)).toEqual(['lease_expired', 'sent']);
  });

  it('a lease that expires on the last attempt fails the message', async () => {
    const instance = await makeInstance(accountId, { intervalMs: 100 });
    const [id] = await enqueue(accountId, instance, 1);
    await getSql()`UPDATE messages SET attempts = 2 WHERE id = ${id!}`;
    await claimDue({ at: T0, day: '2100-03-10', workerId: 'dead', limit: 10, accountId });
    clock.set(at(LEASE_MS + 1));
    expect(await sweepLeases({ accountId })).toBe(1);
    expect(await message(id!)).toMatchObject({ state: 'failed', attempts: 3 });
    expect(await daily(instance)).toEqual([{ day: '2100-03-10', sent: 0, failed: 1 }]);
  });

  it('a message removed or held while a claim runs is skipped, not sent', async () => {
    const instance = await makeInstance(accountId, { intervalMs: 100 });
    const [a, b] = await enqueue(accountId, instance, 2);
    clock.set(at(10)); // both available (the factory spaces messages 1 ms apart)
    await getSql().begin(async (tx) => {
      await tx`SELECT id FROM messages WHERE id = ${a!} FOR UPDATE`;
      expect(await cycle()).toBe(1); // skips the locked one, sends the next
    });
    expect((await message(a!)).state).toBe('queued');
    expect((await message(b!)).state).toBe('sent');
  });
});

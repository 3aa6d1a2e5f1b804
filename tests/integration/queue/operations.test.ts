import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { fixedClock, useClock } from '@/lib/clock';
import { getBoss, stopBoss } from '@/lib/jobs/boss';
import { registerJob } from '@/lib/jobs/define';
import type { Actor } from '@/lib/auth/permissions';
import { claimDue } from '@/lib/queue/claim';
import { runQueueOperation } from '@/lib/queue/operations/run';
import { getQueueOperations } from '@/lib/queue/operations/queries';
import { removeFromQueue, startQueueOperation } from '@/lib/queue/service';
import { queueOperationJob } from '@/jobs/queue-operation';
import { createTenant } from '../../support/factories';
import { T0, enqueue, linkStore, makeInstance, makeStore, message, messagesOf, queuedCounts } from '../../support/queue-factories';

let clock: ReturnType<typeof fixedClock>;
let restore: () => void;
let owner: Actor;
let actors: Awaited<ReturnType<typeof createTenant>>['actors'];
beforeEach(async () => {
  clock = fixedClock(T0);
  restore = useClock(clock);
  ({ actors } = await createTenant());
  owner = actors.owner;
});
afterEach(() => restore());
afterAll(() => stopBoss());

const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;

async function states(instanceId: string) {
  return (await messagesOf(instanceId)).map((m) => m.state);
}

describe('Limpar fila', () => {
  it('removes every waiting message, records who and why, and never touches the one being sent', async () => {
    const instance = await makeInstance(owner.accountId, { intervalMs: 100 });
    const ids = await enqueue(owner.accountId, instance, 6);
    const [inFlight] = await claimDue({ at: T0, day: '2100-03-10', workerId: 'w', limit: 5, accountId: owner.accountId });
    expect(inFlight!.id).toBe(ids[0]);
    clock.set(at(1000));
    const op = await startQueueOperation(owner, { instanceId: instance, kind: 'clear' });
    expect(op).toMatchObject({ finished: true, state: 'done', result: { removed: 5 } });
    expect(await states(instance)).toEqual(['processing', 'removed', 'removed', 'removed', 'removed', 'removed']);
    const [removed] = await getSql()`SELECT removed_by, removed_reason, removed_at FROM messages WHERE id = ${ids[1]!}`;
    expect(removed).toMatchObject({ removed_by: owner.userId, removed_reason: 'clear', removed_at: at(1000) });
    expect(await queuedCounts(instance)).toEqual({ kept: 0, actual: 0 });
  });

  it('leaves messages that arrive after the request, and a message locked by a claim', async () => {
    const instance = await makeInstance(owner.accountId);
    const [locked, other] = await enqueue(owner.accountId, instance, 2);
    await getSql().begin(async (tx) => {
      await tx`SELECT id FROM messages WHERE id = ${locked!} FOR UPDATE`;
      clock.set(at(10));
      expect(await startQueueOperation(owner, { instanceId: instance, kind: 'clear' })).toMatchObject({ result: { removed: 1 } });
    });
    expect((await message(locked!)).state).toBe('queued');
    expect((await message(other!)).state).toBe('removed');
  });
});

describe('Recuperar mensagens', () => {
  it('brings back only what was removed from this queue in the last 48 hours and can still wait, in original order; twice is once', async () => {
    const instance = await makeInstance(owner.accountId);
    const elsewhere = await makeInstance(owner.accountId);
    const ids = await enqueue(owner.accountId, instance, 6);
    const [otherId] = await enqueue(owner.accountId, elsewhere, 1);
    const sql = getSql();
    // ids[0] removed 49 h before the recovery; ids[1..3] within the window; ids[4] sent; ids[5] stays queued.
    await sql`UPDATE messages SET state = 'removed', removed_at = ${at(0)} WHERE id = ${ids[0]!}`;
    await sql`UPDATE messages SET state = 'removed', removed_at = ${at(2 * HOUR)} WHERE id IN ${sql([ids[3]!, ids[1]!, ids[2]!])}`;
    await sql`UPDATE messages SET state = 'sent', sent_at = ${at(HOUR)} WHERE id = ${ids[4]!}`;
    await sql`UPDATE messages SET state = 'removed', removed_at = ${at(2 * HOUR)} WHERE id = ${otherId!}`;
    clock.set(at(49 * HOUR + 1));
    const first = await startQueueOperation(owner, { instanceId: instance, kind: 'recover' });
    expect(first).toMatchObject({ finished: true, result: { recovered: 3 } });
    expect(await states(instance)).toEqual(['removed', 'queued', 'queued', 'queued', 'sent', 'queued']);
    expect((await message(otherId!)).state).toBe('removed');
    expect(await queuedCounts(instance)).toEqual({ kept: 4, actual: 4 });
    // Original places: the list order is the enqueue order.
    const waiting = (await messagesOf(instance)).filter((m) => m.state === 'queued').map((m) => m.id);
    expect(waiting).toEqual([ids[1], ids[2], ids[3], ids[5]]);
    const again = await startQueueOperation(owner, { instanceId: instance, kind: 'recover' });
    expect(again).toMatchObject({ finished: true, result: { recovered: 0 } });
    expect(await queuedCounts(instance)).toEqual({ kept: 4, actual: 4 });
  });

  it('recovers what "Limpar fila" removed', async () => {
    const instance = await makeInstance(owner.accountId);
    await enqueue(owner.accountId, instance, 5);
    clock.set(at(1000));
    await startQueueOperation(owner, { instanceId: instance, kind: 'clear' });
    clock.set(at(2000));
    expect(await startQueueOperation(owner, { instanceId: instance, kind: 'recover' })).toMatchObject({ result: { recovered: 5 } });
    expect(await queuedCounts(instance)).toEqual({ kept: 5, actual: 5 });
  });
});

describe('Rebalancear fila', () => {
  async function setup() {
    const a = owner.accountId;
    const s1 = await makeStore(a, 'Loja 1');
    const s2 = await makeStore(a, 'Loja 2');
    const self = await makeInstance(a, { name: 'A', intervalMs: 1000, storeIds: [s1] });
    const same = await makeInstance(a, { name: 'B', intervalMs: 1000, storeIds: [s1] });
    const fast = await makeInstance(a, { name: 'C', intervalMs: 500, storeIds: [s1] });
    const paused = await makeInstance(a, { name: 'D', intervalMs: 100, paused: true, storeIds: [s1] });
    const off = await makeInstance(a, { name: 'E', intervalMs: 100, status: 'disconnected', storeIds: [s1] });
    const other = await makeInstance(a, { name: 'F', intervalMs: 100, storeIds: [s2] });
    return { s1, s2, self, same, fast, paused, off, other };
  }

  /** Predicted start of each message: its place in its new queue × that queue's interval. */
  async function predicted(ids: string[], intervals: Record<string, number>) {
    const rows = await getSql()<{ id: string; instance_id: string; place: number }[]>`
      SELECT id, instance_id, row_number() OVER (PARTITION BY instance_id ORDER BY enqueued_at, id)::int AS place
      FROM messages WHERE id IN ${getSql()(ids)} AND state = 'queued'`;
    const byId = new Map(rows.map((r) => [r.id, r.place * intervals[r.instance_id]!]));
    return ids.map((id) => byId.get(id)!);
  }

  it('splits by rate over connected, unpaused instances serving the store, keeping order', async () => {
    const t = await setup();
    const ids = await enqueue(owner.accountId, t.self, 40, { storeId: t.s1 });
    const op = await startQueueOperation(owner, { instanceId: t.self, kind: 'rebalance' });
    expect(op.finished).toBe(true);
    const counts = async (id: string) => (await queuedCounts(id)).actual;
    expect([await counts(t.self), await counts(t.same), await counts(t.fast)]).toEqual([10, 10, 20]);
    expect([await counts(t.paused), await counts(t.off), await counts(t.other)]).toEqual([0, 0, 0]);
    for (const i of [t.self, t.same, t.fast, t.paused, t.off, t.other]) {
      const c = await queuedCounts(i);
      expect(c.kept).toBe(c.actual);
    }
    const times = await predicted(ids, { [t.self]: 1000, [t.same]: 1000, [t.fast]: 500 });
    for (let k = 1; k < times.length; k++) expect(times[k]!).toBeGreaterThanOrEqual(times[k - 1]!);
    const [moved] = await getSql()`SELECT moved_from_instance_id FROM messages WHERE instance_id = ${t.fast} LIMIT 1`;
    expect(moved!.moved_from_instance_id).toBe(t.self);
  });

  it('never moves a message to an instance that does not serve its store; messages without a store stay', async () => {
    const t = await setup();
    const s3 = await makeStore(owner.accountId, 'Loja 3'); // served by nobody else
    await linkStore(t.self, t.s2);
    const mixed = await enqueue(owner.accountId, t.self, 12, { storeIds: [t.s1, t.s2, s3] });
    const [loose] = await enqueue(owner.accountId, t.self, 1, { storeId: null, start: 100 });
    await startQueueOperation(owner, { instanceId: t.self, kind: 'rebalance' });
    const rows = await getSql()<{ id: string; store_id: string | null; instance_id: string }[]>`
      SELECT id, store_id, instance_id FROM messages WHERE id IN ${getSql()([...mixed, loose!])}`;
    const serves = await getSql()<{ instance_id: string; store_id: string }[]>`SELECT instance_id, store_id FROM instance_stores`;
    for (const r of rows) {
      if (r.store_id === null || r.store_id === s3) expect(r.instance_id).toBe(t.self);
      else expect(serves.some((s) => s.instance_id === r.instance_id && s.store_id === r.store_id)).toBe(true);
    }
    expect(rows.some((r) => r.instance_id === t.other)).toBe(true);
  });

  it('in batches, continues the split where the last batch stopped', async () => {
    const t = await setup();
    await enqueue(owner.accountId, t.self, 40, { storeId: t.s1 });
    // Stored times carry microseconds (a JS Date would keep only milliseconds of a cursor).
    await getSql()`UPDATE messages SET enqueued_at = enqueued_at + interval '123 microseconds' WHERE instance_id = ${t.self}`;
    const [op] = await getSql()<{ id: string }[]>`
      INSERT INTO queue_operations (account_id, instance_id, kind, total, requested_by, created_at)
      VALUES (${owner.accountId}, ${t.self}, 'rebalance', 40, ${owner.userId}, ${T0}) RETURNING id`;
    const outcome = await runQueueOperation(op!.id, { batchSize: 7 });
    expect(outcome.state).toBe('done');
    // Each message looked at once: none re-read at a batch boundary.
    expect(outcome.result.moved! + outcome.result.kept!).toBe(40);
    const counts = await Promise.all([t.self, t.same, t.fast].map(async (i) => (await queuedCounts(i)).actual));
    expect(counts).toEqual([10, 10, 20]);
  });

  it('is refused when no other connected instance serves these stores', async () => {
    const s = await makeStore(owner.accountId);
    const alone = await makeInstance(owner.accountId, { storeIds: [s] });
    await makeInstance(owner.accountId, { paused: true, storeIds: [s] });
    await expect(startQueueOperation(owner, { instanceId: alone, kind: 'rebalance' })).rejects.toMatchObject({ code: 'NO_REBALANCE_TARGET' });
  });
});

describe('large operations', () => {
  it('run as a pg-boss job with progress, one open operation per queue', async () => {
    const boss = await getBoss();
    await registerJob(boss, queueOperationJob);
    const instance = await makeInstance(owner.accountId);
    await getSql()`
      INSERT INTO messages (account_id, instance_id, recipient, body, source_kind, source_label, enqueued_at, available_at)
      SELECT ${owner.accountId}, ${instance}, '55119' || g, 'x', 'test', 'Teste', ${T0}::timestamptz + g * interval '1 ms', ${T0}
      FROM generate_series(1, 3000) g`;
    expect(await queuedCounts(instance)).toEqual({ kept: 3000, actual: 3000 });
    clock.set(at(HOUR));
    const started = await startQueueOperation(owner, { instanceId: instance, kind: 'clear' }, { inlineLimit: 1000 });
    expect(started).toMatchObject({ finished: false, total: 3000 });
    await expect(startQueueOperation(owner, { instanceId: instance, kind: 'recover' })).rejects.toMatchObject({ code: 'QUEUE_OPERATION_RUNNING' });
    let view = await getQueueOperations(actors.viewer, instance);
    for (let i = 0; i < 200 && !view.last; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = await getQueueOperations(actors.viewer, instance);
    }
    expect(view.open).toBeNull();
    expect(view.last).toMatchObject({ kind: 'clear', state: 'done', total: 3000, done: 3000, result: { removed: 3000 } });
    expect(await queuedCounts(instance)).toEqual({ kept: 0, actual: 0 });
  });
});

describe('Remover da fila and authorization', () => {
  it('removes a waiting message; refuses one being sent', async () => {
    const instance = await makeInstance(owner.accountId);
    const [first, second] = await enqueue(owner.accountId, instance, 2);
    await claimDue({ at: T0, day: '2100-03-10', workerId: 'w', limit: 5, accountId: owner.accountId });
    await expect(removeFromQueue(actors.operator, { instanceId: instance, messageId: first! })).rejects.toMatchObject({ code: 'MESSAGE_NOT_WAITING', status: 409 });
    await removeFromQueue(actors.operator, { instanceId: instance, messageId: second! });
    expect((await message(second!)).state).toBe('removed');
    expect(await queuedCounts(instance)).toEqual({ kept: 0, actual: 0 });
  });

  it('needs the start-deliveries capability; another tenant\'s queue is not found', async () => {
    const instance = await makeInstance(owner.accountId);
    const [id] = await enqueue(owner.accountId, instance, 1);
    for (const role of ['editor', 'viewer'] as const) {
      await expect(startQueueOperation(actors[role], { instanceId: instance, kind: 'clear' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(removeFromQueue(actors[role], { instanceId: instance, messageId: id! })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const stranger = (await createTenant()).actors.owner;
    await expect(startQueueOperation(stranger, { instanceId: instance, kind: 'clear' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeFromQueue(stranger, { instanceId: instance, messageId: id! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const strangersInstance = await makeInstance(stranger.accountId);
    await expect(removeFromQueue(owner, { instanceId: strangersInstance, messageId: id! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getQueueOperations(stranger, instance)).last).toBeNull();
    expect((await message(id!)).state).toBe('queued');
  });
});

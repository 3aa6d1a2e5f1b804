import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import type { Actor, Role } from '@/lib/auth/permissions';
import { fixedClock, useClock } from '@/lib/clock';
import { stopBoss } from '@/lib/jobs/boss';
import { EVENT_ORDER, STALE_RUN_MS, advanceRun, completeRuns, dueRunIds, generateRun, processRun, staleRunIds, startRun } from '@/lib/sends/lifecycle';
import { abortConfig, confirmConfig } from '@/lib/sends/service';
import { createTenant } from '../../support/factories';
import { createDraft, createStoreWithInstances, messageCount, runOf } from '../../support/sends-factories';

let actors: Record<Role, Actor>;
let storeId: string;
let instanceIds: string[];
let restore: (() => void) | undefined;
const sql = () => getSql();

beforeAll(async () => {
  ({ actors } = await createTenant());
  ({ storeId, instanceIds } = await createStoreWithInstances(actors.owner.accountId, [1000, 3000]));
});

afterEach(() => {
  restore?.();
  restore = undefined;
});

afterAll(async () => {
  await stopBoss();
});

/** A confirmed one-off send of `n` recipients, due now. */
async function scheduled(n = 10) {
  const configId = await createDraft(actors.editor, storeId, n);
  const { runId } = await confirmConfig(actors.operator, configId);
  return { configId, runId };
}

async function events(runId: string) {
  return sql().unsafe<{ state: string; note: string | null }[]>(`SELECT state, note FROM send_run_events e WHERE run_id = $1 ORDER BY ${EVENT_ORDER}`, [runId]);
}

describe('confirming (Rascunho → SCHEDULED)', () => {
  it('needs the start-deliveries capability and an audience', async () => {
    const configId = await createDraft(actors.editor, storeId, 3);
    await expect(confirmConfig(actors.editor, configId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(confirmConfig(actors.viewer, configId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { id: empty } = await import('@/lib/sends/service').then((s) => s.createConfig(actors.editor, { name: 'Sem audiência', storeId, body: 'Oi', scheduleKind: 'now' }));
    await expect(confirmConfig(actors.operator, empty)).rejects.toMatchObject({ code: 'VALIDATION' });
    const { runId } = await confirmConfig(actors.operator, configId);
    const [config] = await sql()`SELECT status, confirmed_by AS "by" FROM send_configs WHERE id = ${configId}`;
    expect(config).toEqual({ status: 'active', by: actors.operator.userId });
    expect(await runOf(configId)).toMatchObject({ id: runId, state: 'scheduled', total: 3 });
    await expect(confirmConfig(actors.operator, configId)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('answers another tenant with 404', async () => {
    const configId = await createDraft(actors.editor, storeId, 1);
    const other = await createTenant();
    await expect(confirmConfig(other.actors.operator, configId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(abortConfig(other.actors.operator, configId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('lifecycle', () => {
  it('waits for its date-time, then PROCESANDO → IN-PROGRESS → batches of 5,000 spread by rate → Concluído', async () => {
    const clock = fixedClock(new Date('2030-03-10T12:00:00Z'));
    restore = useClock(clock);
    const configId = await createDraft(actors.editor, storeId, 12_000, { scheduleKind: 'at', scheduleAt: '2030-03-10T10:00' }); // 13:00Z in São Paulo
    const { runId, at } = await confirmConfig(actors.operator, configId);
    expect(at.toISOString()).toBe('2030-03-10T13:00:00.000Z');
    expect(await startRun(runId)).toBe(false);
    clock.advance(59 * 60_000);
    expect(await startRun(runId)).toBe(false);
    clock.advance(60_000);
    expect(await advanceRun(runId)).toBe('in_progress');
    const batches = await sql()`SELECT seq, from_position AS "from", to_position AS "to", count FROM send_batches WHERE run_id = ${runId} ORDER BY seq`;
    expect(batches).toEqual([
      { seq: 1, from: 1, to: 5000, count: 5000 },
      { seq: 2, from: 5001, to: 10000, count: 5000 },
      { seq: 3, from: 10001, to: 12000, count: 2000 },
    ]);
    const perInstance = await sql()<{ instanceId: string; n: number }[]>`
      SELECT instance_id AS "instanceId", count(*)::int AS n FROM messages WHERE source_id = ${runId} GROUP BY 1`;
    const fast = perInstance.find((r) => r.instanceId === instanceIds[0])!.n;
    const slow = perInstance.find((r) => r.instanceId === instanceIds[1])!.n;
    expect(fast + slow).toBe(12_000);
    expect(Math.abs(fast - 9000)).toBeLessThan(60); // 1 msg/s vs 1 msg/3s → 3:1
    const [first] = await sql()`SELECT recipient, body, state, source_label AS label FROM messages WHERE source_id = ${runId} ORDER BY enqueued_at LIMIT 1`;
    expect(first).toEqual({ recipient: '+5511910000000', body: 'Olá Pessoa 0, cupom C0', state: 'queued', label: 'Black Friday' });
    expect((await events(runId)).map((e) => e.state)).toEqual(['scheduled', 'processing', 'in_progress']);

    expect(await completeRuns()).toBe(0);
    await sql()`UPDATE messages SET state = 'sent', sent_at = now() WHERE source_id = ${runId} AND recipient <> '+5511910000000'`;
    await completeRuns();
    expect((await runOf(configId)).state).toBe('in_progress');
    await sql()`UPDATE messages SET state = 'failed' WHERE source_id = ${runId} AND state = 'queued'`;
    await completeRuns();
    expect((await runOf(configId)).state).toBe('done');
    const [config] = await sql()`SELECT status FROM send_configs WHERE id = ${configId}`;
    expect(config!.status).toBe('finished');
  });

  it('a template: its text is copied in and its paths render from the audience and the store', async () => {
    const [tpl] = await sql()<{ id: string }[]>`
      INSERT INTO templates (account_id, event_type, name, body, active)
      VALUES (${actors.owner.accountId}, 'campanha', 'Campanha', 'Oi {{contact.name}} ({{contact.phone}}), cupom {{data.cupom}} na {{store.name}}{{event.type}}', false)
      RETURNING id`;
    const configId = await createDraft(actors.editor, storeId, 2, { body: '', templateId: tpl!.id });
    const [config] = await sql()`SELECT body, template_id AS "templateId" FROM send_configs WHERE id = ${configId}`;
    expect(config).toEqual({ body: 'Oi {{contact.name}} ({{contact.phone}}), cupom {{data.cupom}} na {{store.name}}{{event.type}}', templateId: tpl!.id });
    const { runId } = await confirmConfig(actors.operator, configId);
    await advanceRun(runId);
    const [first] = await sql()`SELECT body FROM messages WHERE source_id = ${runId} ORDER BY enqueued_at LIMIT 1`;
    expect(first!.body).toBe('Oi Pessoa 0 (+5511910000000), cupom C0 na Loja Teste');
    const other = await createTenant();
    await expect(createDraft(other.actors.editor, (await createStoreWithInstances(other.account.id)).storeId, 1, { body: '', templateId: tpl!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an audience under 5,000 is one batch', async () => {
    const { runId } = await scheduled(4_999);
    await advanceRun(runId);
    const batches = await sql()`SELECT count FROM send_batches WHERE run_id = ${runId}`;
    expect(batches).toEqual([{ count: 4_999 }]);
  });

  it('Falhou with the reason when no instance can send for the store', async () => {
    const { storeId: lonely } = await createStoreWithInstances(actors.owner.accountId, []);
    const configId = await createDraft(actors.editor, lonely, 5);
    const { runId } = await confirmConfig(actors.operator, configId);
    expect(await advanceRun(runId)).toBe('failed');
    const [run] = await sql()`SELECT failure_reason AS reason FROM send_runs WHERE id = ${runId}`;
    expect(run!.reason).toBe('Nenhuma instância conectada atende a loja.');
    expect(await messageCount(runId)).toBe(0);
  });

  it('a recurring configuration makes one run per occurrence, each with its own state and figures', async () => {
    const clock = fixedClock(new Date('2030-05-01T10:00:00Z')); // 07:00 in São Paulo
    restore = useClock(clock);
    const configId = await createDraft(actors.editor, storeId, 20, { scheduleKind: 'daily', scheduleTime: '09:00' });
    const { runId: first, at } = await confirmConfig(actors.operator, configId);
    expect(at.toISOString()).toBe('2030-05-01T12:00:00.000Z');
    expect(await startRun(first)).toBe(false);
    clock.set(new Date('2030-05-01T12:00:30Z'));
    expect(await advanceRun(first)).toBe('in_progress');
    const runs = await sql()<{ id: string; at: Date; state: string; generated: number }[]>`
      SELECT id, scheduled_at AS at, state, generated FROM send_runs WHERE config_id = ${configId} ORDER BY scheduled_at`;
    expect(runs.map((r) => [r.at.toISOString(), r.state, r.generated])).toEqual([
      ['2030-05-01T12:00:00.000Z', 'in_progress', 20],
      ['2030-05-02T12:00:00.000Z', 'scheduled', 0],
    ]);
    clock.set(new Date('2030-05-02T12:00:00Z'));
    expect(await advanceRun(runs[1]!.id)).toBe('in_progress');
    const [{ n }] = await sql()`SELECT count(*)::int AS n FROM send_runs WHERE config_id = ${configId}`;
    expect(n).toBe(3);
    expect(await messageCount(first)).toBe(20);
    expect(await messageCount(runs[1]!.id)).toBe(20);
  });
});

describe('the minute tick', () => {
  it('queues runs once due, and half-way runs only when they stopped progressing', async () => {
    const clock = fixedClock(new Date('2031-01-01T12:00:00Z'));
    restore = useClock(clock);
    const configId = await createDraft(actors.editor, storeId, 5, { scheduleKind: 'at', scheduleAt: '2031-01-01T10:00' }); // 13:00Z
    const { runId } = await confirmConfig(actors.operator, configId);
    expect(await dueRunIds(1000)).not.toContain(runId);
    clock.set(new Date('2031-01-01T13:00:00Z'));
    expect(await dueRunIds(1000)).toContain(runId);
    await startRun(runId); // PROCESANDO, as if its job then crashed
    expect(await staleRunIds(1000)).not.toContain(runId);
    clock.advance(STALE_RUN_MS + 1000);
    expect(await staleRunIds(1000)).toContain(runId);
    expect(await advanceRun(runId)).toBe('in_progress');
    expect(await staleRunIds(1000)).not.toContain(runId);
  });
});

describe('"Abortar" (seed 002 rules, under row locks)', () => {
  it('Rascunho: refused, nothing to abort; editors and viewers may not abort', async () => {
    const configId = await createDraft(actors.editor, storeId, 2);
    await expect(abortConfig(actors.operator, configId)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('rascunho') });
    const { configId: live } = await scheduled();
    await expect(abortConfig(actors.editor, live)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(abortConfig(actors.viewer, live)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('SCHEDULED → Abortado at once, and nothing is ever sent', async () => {
    const { configId, runId } = await scheduled();
    expect(await abortConfig(actors.owner, configId)).toBe('aborted');
    expect(await advanceRun(runId)).toBe('aborted');
    expect(await messageCount(runId)).toBe(0);
    expect(await events(runId)).toEqual([
      { state: 'scheduled', note: null },
      { state: 'aborted', note: null },
    ]);
  });

  it('PROCESANDO → the abort is recorded; when processing ends the run is Cancelado and nothing is sent', async () => {
    const { configId, runId } = await scheduled();
    await startRun(runId);
    expect(await abortConfig(actors.operator, configId)).toBe('recorded');
    expect((await runOf(configId)).state).toBe('processing');
    await expect(abortConfig(actors.operator, configId)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('já foi registrado') });
    expect(await processRun(runId)).toBe('cancelled');
    expect(await advanceRun(runId)).toBe('cancelled');
    expect(await messageCount(runId)).toBe(0);
  });

  it('IN-PROGRESS before generation → Abortado, nothing sent', async () => {
    const { configId, runId } = await scheduled();
    await startRun(runId);
    expect(await processRun(runId)).toBe('in_progress');
    expect(await abortConfig(actors.operator, configId)).toBe('aborted');
    expect(await generateRun(runId)).toBe(0);
    expect(await messageCount(runId)).toBe(0);
  });

  it('IN-PROGRESS once generation started → refused with that reason; the batch is complete', async () => {
    const { configId, runId } = await scheduled(7);
    await advanceRun(runId);
    await expect(abortConfig(actors.operator, configId)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('A geração já começou') });
    expect((await runOf(configId)).state).toBe('in_progress');
    expect(await messageCount(runId)).toBe(7);
  });

  it('an allowed abort of a recurring configuration also stops its later occurrences', async () => {
    const clock = fixedClock(new Date('2030-06-01T10:00:00Z'));
    restore = useClock(clock);
    const configId = await createDraft(actors.editor, storeId, 3, { scheduleKind: 'cron', scheduleCron: '0 9 * * *' });
    const { runId } = await confirmConfig(actors.operator, configId);
    clock.set(new Date('2030-06-01T12:00:00Z'));
    await startRun(runId); // PROCESANDO, next occurrence created
    expect(await abortConfig(actors.operator, configId)).toBe('recorded');
    const runs = await sql()`SELECT state FROM send_runs WHERE config_id = ${configId} ORDER BY scheduled_at`;
    expect(runs.map((r) => r.state)).toEqual(['processing', 'aborted']);
    expect(await processRun(runId)).toBe('cancelled');
  });

  describe('races', () => {
    it('abort arriving while processing finishes: Cancelado or Abortado, never a message', async () => {
      for (let i = 0; i < 6; i++) {
        const { configId, runId } = await scheduled(3);
        await startRun(runId);
        const [abort] = await Promise.allSettled([abortConfig(actors.operator, configId), processRun(runId)]);
        expect(abort.status).toBe('fulfilled');
        await generateRun(runId);
        expect(['cancelled', 'aborted']).toContain((await runOf(configId)).state);
        expect(await messageCount(runId)).toBe(0);
      }
    });

    it('abort arriving while the first batch starts: either nothing is sent, or it is refused and the batch is whole', async () => {
      const outcomes = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const { configId, runId } = await scheduled(6);
        await startRun(runId);
        await processRun(runId);
        const [abort] = await Promise.allSettled([abortConfig(actors.operator, configId), generateRun(runId)]);
        const sent = await messageCount(runId);
        if (abort.status === 'fulfilled') {
          expect((await runOf(configId)).state).toBe('aborted');
          expect(sent).toBe(0);
          outcomes.add('aborted');
        } else {
          expect(abort.reason).toMatchObject({ message: expect.stringContaining('A geração já começou') });
          expect(sent).toBe(6);
          outcomes.add('refused');
        }
      }
      expect(outcomes.size).toBeGreaterThan(0);
    });

    it('two aborts at once: one wins, the other is refused, one event recorded', async () => {
      const { configId, runId } = await scheduled();
      const results = await Promise.allSettled([abortConfig(actors.operator, configId), abortConfig(actors.owner, configId)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
      expect((await events(runId)).filter((e) => e.state === 'aborted')).toHaveLength(1);

      const processing = await scheduled();
      await startRun(processing.runId);
      const both = await Promise.allSettled([abortConfig(actors.operator, processing.configId), abortConfig(actors.owner, processing.configId)]);
      expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await processRun(processing.runId)).toBe('cancelled');
    });
  });
});

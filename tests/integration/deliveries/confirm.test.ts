import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { ROLES, type Actor, type Role } from '@/lib/auth/permissions';
import { fixedClock, useClock } from '@/lib/clock';
import { deploymentOf } from '@/lib/deliveries/queries';
import { confirmOccurrence, confirmSend, recomputeStats, setConfirmEachRun } from '@/lib/deliveries/service';
import { stopBoss } from '@/lib/jobs/boss';
import { startRun } from '@/lib/sends/lifecycle';
import { createTenant } from '../../support/factories';
import { T0, makeInstance, makeStore } from '../../support/queue-factories';
import { createDraft, runOf } from '../../support/sends-factories';

let actors: Record<Role, Actor>;
let other: Record<Role, Actor>;
let storeId: string;
let restore: (() => void) | undefined;
const ALLOWED: Record<Role, boolean> = { owner: true, operator: true, editor: false, viewer: false };

beforeAll(async () => {
  ({ actors } = await createTenant());
  ({ actors: other } = await createTenant());
  storeId = await makeStore(actors.owner.accountId);
  await makeInstance(actors.owner.accountId, { storeIds: [storeId] });
});
afterEach(() => {
  restore?.();
  restore = undefined;
});
afterAll(async () => {
  await stopBoss();
});

describe('"Confirmar envio" on a configuration in Rascunho', () => {
  it.each(ROLES)('%s: allowed only with the start-deliveries capability, enforced on the server', async (role) => {
    const configId = await createDraft(actors.editor, storeId, 2);
    expect((await deploymentOf(actors[role], configId)).canConfirm).toBe(ALLOWED[role]);
    if (!ALLOWED[role]) {
      await expect(confirmSend(actors[role], configId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const [c] = await getSql()`SELECT status, confirmed_by FROM send_configs WHERE id = ${configId}`;
      expect(c).toMatchObject({ status: 'draft', confirmed_by: null });
      return;
    }
    const clock = fixedClock(T0);
    restore = useClock(clock);
    await confirmSend(actors[role], configId);
    const [c] = await getSql()`SELECT status, confirmed_by, confirmed_at FROM send_configs WHERE id = ${configId}`;
    expect(c).toMatchObject({ status: 'active', confirmed_by: actors[role].userId, confirmed_at: T0 });
    expect((await runOf(configId)).state).toBe('scheduled');
  });

  it("answers 404 for another tenant's configuration, even to its owner", async () => {
    const configId = await createDraft(actors.editor, storeId, 1);
    await expect(confirmSend(other.owner, configId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deploymentOf(other.viewer, configId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a scheduled send waits for its time', async () => {
    const clock = fixedClock(T0);
    restore = useClock(clock);
    const configId = await createDraft(actors.editor, storeId, 1, { scheduleKind: 'at', scheduleAt: '2100-03-11T09:00' });
    const { runId, at } = await confirmSend(actors.operator, configId);
    expect(at.getTime()).toBeGreaterThan(T0.getTime());
    expect(await startRun(runId)).toBe(false);
    clock.set(at);
    expect(await startRun(runId)).toBe(true);
  });
});

describe('recurring occurrences in "Aguardando confirmação"', () => {
  async function awaitingOccurrence() {
    const clock = fixedClock(T0);
    restore = useClock(clock);
    const configId = await createDraft(actors.editor, storeId, 1, { scheduleKind: 'daily', scheduleTime: '09:00' });
    await expect(setConfirmEachRun(actors.viewer, configId, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await setConfirmEachRun(actors.editor, configId, true);
    const { runId, at } = await confirmSend(actors.operator, configId);
    clock.set(at);
    await startRun(runId); // the first occurrence starts and the next one is created, waiting
    const [next] = await getSql()<{ id: string; state: string }[]>`
      SELECT id, state FROM send_runs WHERE config_id = ${configId} AND id <> ${runId}`;
    expect(next!.state).toBe('awaiting_confirmation');
    await expect(setConfirmEachRun(actors.editor, configId, false)).rejects.toMatchObject({ code: 'CONFLICT' });
    return next!.id;
  }

  it.each(ROLES)('%s: confirming an occurrence needs start deliveries and records who and when', async (role) => {
    const runId = await awaitingOccurrence();
    if (!ALLOWED[role]) {
      await expect(confirmOccurrence(actors[role], runId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const [r] = await getSql()`SELECT state FROM send_runs WHERE id = ${runId}`;
      expect(r!.state).toBe('awaiting_confirmation');
      return;
    }
    await confirmOccurrence(actors[role], runId);
    const [r] = await getSql()`SELECT state FROM send_runs WHERE id = ${runId}`;
    expect(r!.state).toBe('scheduled');
    const [e] = await getSql()`SELECT by_user_id, note FROM send_run_events WHERE run_id = ${runId} AND state = 'scheduled'`;
    expect(e).toMatchObject({ by_user_id: actors[role].userId, note: 'confirmed' });
    await expect(confirmOccurrence(actors[role], runId)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it("another tenant's occurrence is not found", async () => {
    const runId = await awaitingOccurrence();
    await expect(confirmOccurrence(other.operator, runId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('"Calcular estatísticas"', () => {
  it.each(ROLES)('%s may recompute (it changes nothing but the snapshot)', async (role) => {
    const clock = fixedClock(T0);
    restore = useClock(clock);
    const configId = await createDraft(actors.editor, storeId, 3);
    const { runId } = await confirmSend(actors.operator, configId);
    const stats = await recomputeStats(actors[role], runId);
    expect(stats).toMatchObject({ toDeliver: 3, sent: 0, computedAt: T0 });
    await expect(recomputeStats(other[role], runId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BOSS_SCHEMA } from '@/lib/jobs/boss';
import { PermanentJobError, defineJob, registerJob } from '@/lib/jobs/define';

let boss: PgBoss;
const seen: string[] = [];
let transientCalls = 0;

const job = defineJob({
  name: `test-define-${process.pid}`,
  schema: z.object({ kind: z.enum(['ok', 'transient', 'permanent']) }),
  queue: { retryLimit: 2, retryDelay: 1, retryBackoff: false },
  work: { pollingIntervalSeconds: 0.5 },
  handler: async ({ kind }) => {
    seen.push(kind);
    if (kind === 'transient' && ++transientCalls < 2) throw new Error('provider timeout');
    if (kind === 'permanent') throw new PermanentJobError('invalid number');
    return { done: kind };
  },
});

beforeAll(async () => {
  boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: BOSS_SCHEMA, supervise: false, schedule: false });
  await boss.start();
  await registerJob(boss, job);
});

afterAll(async () => {
  await boss.stop({ graceful: false });
});

async function settled(id: string) {
  for (let i = 0; i < 100; i++) {
    const [j] = await boss.findJobs(job.name, { id });
    if (j && (j.state === 'completed' || j.state === 'failed')) return j;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not settle');
}

describe('typed jobs', () => {
  it('runs a valid payload', async () => {
    const j = await settled((await boss.send(job.name, { kind: 'ok' }))!);
    expect(j).toMatchObject({ state: 'completed', retryCount: 0, output: { done: 'ok' } });
  });

  it('fails a bad payload at once, without calling the handler or retrying', async () => {
    const before = seen.length;
    const j = await settled((await boss.send(job.name, { kind: 'nonsense' }))!);
    expect(j.state).toBe('failed');
    expect(j.retryCount).toBe(0);
    expect(seen.length).toBe(before);
  });

  it('retries a transient error', async () => {
    const j = await settled((await boss.send(job.name, { kind: 'transient' }))!);
    expect(j).toMatchObject({ state: 'completed', retryCount: 1 });
  });

  it('does not retry a permanent error', async () => {
    const j = await settled((await boss.send(job.name, { kind: 'permanent' }))!);
    expect(j).toMatchObject({ state: 'failed', retryCount: 0 });
  });
});

import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { beat, newWorkerIdentity, retire } from '@/lib/system/heartbeat';
import { checkHealth } from '@/lib/system/health';

describe('health', () => {
  it('reports the database and the live workers', async () => {
    const worker = newWorkerIdentity('worker', ['q']);
    await beat(worker);
    const health = await checkHealth();
    expect(health).toMatchObject({ status: 'ok', db: 'ok' });
    if (health.status === 'ok') expect(health.workers.processes.map((p) => p.id)).toContain(worker.id);
    await retire(worker);
    const after = await checkHealth();
    if (after.status === 'ok') expect(after.workers.processes.map((p) => p.id)).not.toContain(worker.id);
  });

  it('says the database is down, with the reason, when it cannot be reached', async () => {
    const sql = postgres('postgres://postgres:x@127.0.0.1:1/none', { max: 1, connect_timeout: 1 });
    const health = await checkHealth({ db: drizzle(sql, { schema }), timeoutMs: 1500 });
    expect(health).toMatchObject({ status: 'error', db: 'down' });
    if (health.status === 'error') expect(health.reason.length).toBeGreaterThan(0);
    await sql.end({ timeout: 0 });
  });
});

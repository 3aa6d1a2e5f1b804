import { spawn } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { workerHeartbeats } from '@/db/schema';

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}

describe('npm run worker', () => {
  it('starts a worker-only process that beats, and stops gracefully on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
      // A clean environment: the test runner's own NODE_OPTIONS must not leak into the child.
      env: { NODE_ENV: 'test', PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: process.env.DATABASE_URL, POMBO_SECRET: process.env.POMBO_SECRET, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const row = await waitFor(async () => {
      const [r] = await getDb().select().from(workerHeartbeats).where(eq(workerHeartbeats.pid, child.pid!));
      return r;
    });
    expect(row.kind).toBe('worker');
    expect(row.queues).toContain('pruneWorkers');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    const left = await getDb().select().from(workerHeartbeats).where(eq(workerHeartbeats.pid, child.pid!));
    expect(left, output).toHaveLength(0);
  });
});

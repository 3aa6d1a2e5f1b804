import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';
import { expect, test } from '@playwright/test';

// `npm start` itself, on a data dir and ports of its own: first start seeds, SIGTERM stops the web
// process, its workers and the embedded Postgres cleanly, a second start is quick and keeps the data.
const PORT = 3190;
const PG_PORT = 54390;
const DATA_DIR = '.pombo-lifecycle';

function start() {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    env: { NODE_ENV: 'production', PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(PORT), POMBO_PG_PORT: String(PG_PORT), POMBO_DATA_DIR: DATA_DIR, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const ready = (async () => {
    const started = Date.now();
    await expect.poll(() => output, { timeout: 90_000 }).toContain('Pombo is running');
    return Date.now() - started;
  })();
  const stop = async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    return exited;
  };
  return { ready, stop, output: () => output };
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

test.describe('npm start', () => {
  test.setTimeout(180_000);
  test.afterAll(() => rmSync(DATA_DIR, { recursive: true, force: true }));

  test('seeds once, stops gracefully on SIGTERM, and starts again in seconds with the data kept', async ({ request }) => {
    rmSync(DATA_DIR, { recursive: true, force: true });
    const first = start();
    await first.ready;
    expect(first.output()).toContain('demo data seeded');
    expect(first.output()).toContain('owner@demo.test');
    const health = await (await request.get(`http://127.0.0.1:${PORT}/api/health`)).json();
    expect(health.workers.live).toBeGreaterThanOrEqual(1);
    const workerId: string = health.workers.processes[0].id;

    expect(await first.stop()).toBe(0);
    expect(await portOpen(PORT)).toBe(false);
    expect(await portOpen(PG_PORT)).toBe(false);

    const second = start();
    const secondMs = await second.ready;
    expect(secondMs).toBeLessThan(15_000);
    expect(second.output()).not.toContain('demo data seeded');
    const again = await (await request.get(`http://127.0.0.1:${PORT}/api/health`)).json();
    // the stopped process retired its heartbeat; only the new one is live
    expect(again.workers.processes.map((p: { id: string }) => p.id)).not.toContain(workerId);
    expect(await second.stop()).toBe(0);
  });
});

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { closeDb, getSql } from '../../db/client';
import { startEmbeddedPostgres } from '../../db/embedded';
import { runMigrations } from '../../db/migrate';
import type { Actor } from '../../lib/auth/permissions';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh embedded Postgres of the bench's own (own data dir, free port), migrated, as DATABASE_URL. */
export async function startBenchDatabase(name: string) {
  const baseDir = `.pombo-bench-${name}`;
  rmSync(baseDir, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres({ baseDir, port: await freePort() });
  process.env.DATABASE_URL = embedded.url;
  process.env.POMBO_SECRET ??= 'bench-secret-not-for-production';
  await runMigrations(embedded.url);
  return {
    dataDir: path.resolve(baseDir, 'pg'),
    async stop() {
      await closeDb();
      await embedded.stop();
      rmSync(baseDir, { recursive: true, force: true });
    },
  };
}

/** An account with an owner; returns the owner's actor. */
export async function benchOwner(): Promise<Actor> {
  const sql = getSql();
  const [account] = await sql<{ id: string }[]>`INSERT INTO accounts (name) VALUES ('Bench') RETURNING id`;
  const [user] = await sql<{ id: string }[]>`INSERT INTO users (email, name, password_hash) VALUES ('bench@bench.test', 'Bench', 'x') RETURNING id`;
  await sql`INSERT INTO memberships (account_id, user_id, role) VALUES (${account!.id}, ${user!.id}, 'owner')`;
  return { userId: user!.id, accountId: account!.id, role: 'owner', isPlatformAdmin: false };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Milliseconds of CPU used so far by the postmaster and its backends (Linux /proc). */
export function postgresCpuMs(dataDir: string): number {
  const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      if (Number(entry) === postmaster || ppid === postmaster) total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      /* the process ended meanwhile */
    }
  }
  return total;
}

/** Samples this process's RSS every second; `stop()` returns the peak in MB. */
export function rssPeak() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1000);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

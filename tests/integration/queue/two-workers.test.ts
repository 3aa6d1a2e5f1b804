import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runMigrations } from '@/db/migrate';
import { seal } from '@/lib/crypto';
import { SIGNATURE_HEADER, verifySignature } from '@/lib/signature';

const INSTANCES = 40;
const PER_INSTANCE = 40;
const INTERVAL_MS = 100;
const SECRET = 'two-workers-receiver';

/**
 * The multi-worker proof: two real `npm run worker` processes against one database (a database of
 * this test's own, so no other test's queue is touched), many queued messages on many instances
 * sending through the `http` provider to a receiver here that counts calls per message id.
 */
let sql: Sql;
let dbUrl: string;
let server: Server;
let url: string;
const calls = new Map<string, number>();
let badSignatures = 0;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  const base = new URL(inject('databaseUrl'));
  const name = `${base.pathname.slice(1)}_two_workers`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  base.pathname = `/${name}`;
  dbUrl = base.toString();
  await runMigrations(dbUrl);
  sql = postgres(dbUrl, { max: 2, onnotice: () => {} });

  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (!verifySignature(req.headers[SIGNATURE_HEADER.toLowerCase()] as string, SECRET, raw, new Date())) badSignatures++;
      const { id } = JSON.parse(raw) as { id: string };
      calls.set(id, (calls.get(id) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `rcv-${id}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await sql?.end();
  await new Promise((r) => server.close(r));
  const admin = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${new URL(dbUrl).pathname.slice(1)} WITH (FORCE)`).catch(() => {});
  await admin.end();
});

function startWorker(): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
    env: { NODE_ENV: 'test', PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: dbUrl, POMBO_SECRET: process.env.POMBO_SECRET, LOG_LEVEL: 'silent', POMBO_DISPATCH_LOOPS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  workers.push(child);
  return { child, exited: new Promise((r) => child.once('exit', (code) => r(code))), output: () => output };
}

describe('two worker processes on one database', () => {
  it('send every message exactly once, paced per instance', { timeout: 120_000 }, async () => {
    const [account] = await sql<{ id: string }[]>`INSERT INTO accounts (name) VALUES ('Dois workers') RETURNING id`;
    const sealed = seal(SECRET);
    const instances = await sql<{ id: string }[]>`
      INSERT INTO instances (account_id, name, phone_number, provider, provider_config, provider_secret, send_interval_ms, status)
      SELECT ${account!.id}, 'W' || g, '5511999990000', 'http', ${sql.json({ url })}, ${sealed}, ${INTERVAL_MS}, 'connected'
      FROM generate_series(1, ${INSTANCES}) g RETURNING id`;
    await sql`
      INSERT INTO messages (account_id, instance_id, recipient, body, source_kind, source_label, enqueued_at, available_at)
      SELECT ${account!.id}, i.id, '55119' || lpad(g::text, 8, '0'), 'Mensagem ' || g, 'test', 'Teste',
             now() - interval '1 hour' + g * interval '1 ms', now() - interval '1 hour'
      FROM unnest(${instances.map((i) => i.id)}::uuid[]) i(id), generate_series(1, ${PER_INSTANCE}) g`;
    const total = INSTANCES * PER_INSTANCE;

    const a = startWorker();
    const b = startWorker();
    const deadline = Date.now() + 100_000;
    let left = total;
    while (Date.now() < deadline) {
      const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM messages WHERE state IN ('queued', 'processing')`;
      left = row!.n;
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await a.exited, a.output()).toBe(0);
    expect(await b.exited, b.output()).toBe(0);
    expect(left).toBe(0);

    // None lost: every message sent, each with one attempt; none sent twice: one call per id.
    const [states] = await sql<{ sent: number; other: number }[]>`
      SELECT count(*) FILTER (WHERE state = 'sent')::int AS sent, count(*) FILTER (WHERE state <> 'sent')::int AS other FROM messages`;
    expect(states).toEqual({ sent: total, other: 0 });
    expect(calls.size).toBe(total);
    expect([...calls.values()].filter((n) => n !== 1)).toEqual([]);
    expect(badSignatures).toBe(0);
    const [attempts] = await sql<{ n: number; workers: number }[]>`SELECT count(*)::int AS n, count(DISTINCT worker_id)::int AS workers FROM message_attempts`;
    expect(attempts).toEqual({ n: total, workers: 2 }); // both processes took part

    // Pacing held across processes: an instance's consecutive starts are at least an interval apart.
    const [gap] = await sql<{ min: number }[]>`
      SELECT min(extract(epoch FROM started_at - prev) * 1000)::float AS min FROM (
        SELECT started_at, lag(started_at) OVER (PARTITION BY instance_id ORDER BY started_at) AS prev FROM message_attempts
      ) x WHERE prev IS NOT NULL`;
    expect(gap!.min).toBeGreaterThanOrEqual(INTERVAL_MS);
    const [rollup] = await sql<{ sent: number }[]>`SELECT coalesce(sum(sent), 0)::int AS sent FROM instance_daily_stats`;
    expect(rollup!.sent).toBe(total);
    const [counters] = await sql<{ n: number }[]>`SELECT coalesce(sum(queued_count), 0)::int AS n FROM instances`;
    expect(counters!.n).toBe(0);
  });
});

/**
 * `npm run bench -- archive`: 1,000,000 finished events (and their sent messages) older than the
 * retention, archived by one run (target ≤ 60 s), while a probe measures how long a dispatcher-style
 * claim on another instance's queue waits meanwhile (it must not be blocked). Own embedded Postgres.
 */
import { rmSync } from 'node:fs';
import net from 'node:net';
import { closeDb, getSql } from '../../db/client';
import { startEmbeddedPostgres } from '../../db/embedded';
import { runMigrations } from '../../db/migrate';
import { runArchive } from '../../lib/archive/service';

const TOTAL = Number(process.env.BENCH_ARCHIVE_EVENTS ?? 1_000_000);

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

export async function run(): Promise<Record<string, unknown>> {
  const baseDir = '.pombo-bench-archive';
  rmSync(baseDir, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres({ baseDir, port: await freePort() });
  process.env.DATABASE_URL = embedded.url;
  process.env.POMBO_SECRET ??= 'bench-secret-not-for-production';
  await runMigrations(embedded.url);
  const sql = getSql();
  try {
    const [account] = await sql<{ id: string }[]>`INSERT INTO accounts (name) VALUES ('Bench') RETURNING id`;
    const [store] = await sql<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${account!.id}, 'Bench') RETURNING id`;
    const [old, live] = await sql<{ id: string }[]>`
      INSERT INTO instances (account_id, name, phone_number, provider, send_interval_ms, status)
      VALUES (${account!.id}, 'Antiga', '5511900000000', 'sandbox', 1000, 'connected'), (${account!.id}, 'Ao vivo', '5511900000001', 'sandbox', 1000, 'connected')
      RETURNING id`;
    const t0 = performance.now();
    await sql`
      INSERT INTO messages (id, account_id, instance_id, store_id, recipient, body, source_kind, source_label, state, enqueued_at, available_at, sent_at)
      SELECT md5('m' || n)::uuid, ${account!.id}, ${old!.id}, ${store!.id}, '+5511987654321', 'Olá', 'event', 'order_paid', 'sent',
             now() - interval '40 days' + n * interval '1 ms', now() - interval '40 days', now() - interval '40 days'
      FROM generate_series(1, ${TOTAL}) n`;
    await sql`
      INSERT INTO events (account_id, store_id, external_id, type, channel, occurred_at, received_at, contact_phone, data, body_hash, status, message_id)
      SELECT ${account!.id}, ${store!.id}, 'e' || n, 'order_paid', 'batch', now() - interval '40 days', now() - interval '40 days' + n * interval '1 ms',
             '+5511987654321', '{"order":{"id":1}}', 'h', 'sent', md5('m' || n)::uuid
      FROM generate_series(1, ${TOTAL}) n`;
    // Live queue on another instance, for the probe.
    await sql`
      INSERT INTO messages (account_id, instance_id, recipient, body, source_kind, source_label, enqueued_at, available_at)
      SELECT ${account!.id}, ${live!.id}, '+5511987654321', 'Olá', 'test', 'probe', now(), now() FROM generate_series(1, 1000)`;
    await sql`VACUUM ANALYZE`;
    const seedSeconds = (performance.now() - t0) / 1000;

    let probing = true;
    const waits: number[] = [];
    const probe = (async () => {
      while (probing) {
        const s = performance.now();
        await sql.begin(async (tx) => {
          const [m] = await tx<{ id: string }[]>`
            SELECT id FROM messages WHERE instance_id = ${live!.id} AND state = 'queued' ORDER BY enqueued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
          if (m) await tx`UPDATE messages SET attempts = attempts + 1 WHERE id = ${m.id}`;
        });
        waits.push(performance.now() - s);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const result = await runArchive({ trigger: 'manual' });
    probing = false;
    await probe;
    waits.sort((a, b) => a - b);
    return {
      events: TOTAL,
      seedSeconds: Math.round(seedSeconds),
      archiveSeconds: Math.round(result.durationMs / 100) / 10,
      eventsMoved: result.eventsMoved,
      messagesMoved: result.messagesMoved,
      eventsPerSecond: Math.round(result.eventsMoved / (result.durationMs / 1000)),
      dispatcherProbe: { claims: waits.length, p50ms: Math.round(waits[Math.floor(waits.length / 2)] ?? 0), maxMs: Math.round(waits.at(-1) ?? 0) },
    };
  } finally {
    await closeDb();
    await embedded.stop();
    rmSync(baseDir, { recursive: true, force: true });
  }
}

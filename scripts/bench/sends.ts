/**
 * `npm run bench -- sends`: imports a 1,000,000-row CSV audience (streamed: COPY into staging,
 * de-duplicated set-based) measuring time and this process's peak RSS, then generates the
 * 1,000,000 messages of one run into 4 instance queues (batches of 5,000, INSERT … SELECT).
 * Targets (issue 6): import ≤ 30 s with RSS ≤ 400 MB; generation ≥ 50,000 recipients/s.
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { closeDb, getSql } from '@/db/client';
import { importAudience } from '@/lib/sends/audience';
import { createRun, generateRun, processRun, startRun, type ConfigRow } from '@/lib/sends/lifecycle';
import { CONFIG_COLUMNS } from '@/lib/sends/lifecycle';
import { freshTestDatabase } from '../../tests/support/test-database';

const ROWS = Number(process.env.BENCH_SEND_ROWS ?? 1_000_000);

async function writeCsv(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  out.write('telefone,nome,cupom\n');
  for (let i = 0; i < rows; i++) {
    // Valid Brazilian mobiles (DDD 11–99 cycling), one bad line in 10,000 and one duplicate in 5,000.
    const line =
      i % 10_000 === 9_999 ? `12345,Inválido ${i},X\n` : i % 5_000 === 4_999 ? `+5511910000000,Repetido ${i},X\n` : `+55${11 + (i % 89)}9${String(i).padStart(8, '0')},Pessoa ${i},C${i}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

export async function run(): Promise<Record<string, unknown>> {
  const db = await freshTestDatabase();
  process.env.DATABASE_URL = db.url;
  const file = path.join(os.tmpdir(), `pombo-bench-sends-${process.pid}.csv`);
  try {
    await writeCsv(file, ROWS);
    const sql = getSql();
    const [account] = await sql<{ id: string }[]>`INSERT INTO accounts (name) VALUES ('Bench') RETURNING id`;
    const [store] = await sql<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${account!.id}, 'Bench') RETURNING id`;
    for (const [i, interval] of [1000, 1000, 2000, 4000].entries()) {
      const [inst] = await sql<{ id: string }[]>`
        INSERT INTO instances (account_id, name, phone_number, provider, send_interval_ms, status)
        VALUES (${account!.id}, ${`Bench ${i}`}, ${`+55119000000${i}`}, 'sandbox', ${interval}, 'connected') RETURNING id`;
      await sql`INSERT INTO instance_stores (instance_id, store_id) VALUES (${inst!.id}, ${store!.id})`;
    }
    const [cfg] = await sql<{ id: string }[]>`
      INSERT INTO send_configs (account_id, store_id, name, body, time_zone)
      VALUES (${account!.id}, ${store!.id}, 'Bench', 'Olá {{nome}}, seu cupom é {{cupom}}', 'America/Sao_Paulo') RETURNING id`;

    global.gc?.();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const summary = await importAudience(cfg!.id, createReadStream(file), 'bench.csv');
    const importSeconds = (performance.now() - t0) / 1000;
    const importCpu = process.cpuUsage(cpu0);
    clearInterval(sampler);

    await sql`UPDATE send_configs SET status = 'active' WHERE id = ${cfg!.id}`;
    const runId = await sql.begin(async (tx) => {
      const [config] = await tx.unsafe<ConfigRow[]>(`SELECT ${CONFIG_COLUMNS} FROM send_configs c WHERE c.id = $1`, [cfg!.id]);
      return createRun(tx, config!, new Date(), null);
    });
    await startRun(runId);
    await processRun(runId);
    const t1 = performance.now();
    const batches = await generateRun(runId);
    const generateSeconds = (performance.now() - t1) / 1000;
    const [{ n, instances }] = await sql<{ n: number; instances: number }[]>`
      SELECT count(*)::int AS n, count(DISTINCT instance_id)::int AS instances FROM messages WHERE source_id = ${runId}`;
    return {
      rows: ROWS,
      valid: summary.valid,
      invalid: summary.invalid,
      duplicates: summary.duplicates,
      importSeconds: Math.round(importSeconds * 100) / 100,
      importPeakRssMb: Math.round(peakRss / 1048576),
      // This process's CPU (parsing, phones, COPY framing); the rest of the wall time is Postgres or waiting for a core.
      importNodeCpuSeconds: Math.round((importCpu.user + importCpu.system) / 10_000) / 100,
      loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
      cpus: os.cpus().length,
      generated: n,
      instances,
      batches,
      generateSeconds: Math.round(generateSeconds * 100) / 100,
      recipientsPerSecond: Math.round(n / generateSeconds),
      targets: { importSeconds: 30, importPeakRssMb: 400, recipientsPerSecond: 50_000 },
    };
  } finally {
    rmSync(file, { force: true });
    await closeDb();
    await db.dispose();
  }
}

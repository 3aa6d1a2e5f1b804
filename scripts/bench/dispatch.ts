import { performance } from 'node:perf_hooks';
import { getSql } from '../../db/client';
import { enableSandboxLedger, sandboxLedger } from '../../lib/providers/sandbox';
import { startDispatcher } from '../../lib/queue/loop';
import { benchOwner, percentile, postgresCpuMs, round, rssPeak, sleep, startBenchDatabase } from './_queue-support';

const INSTANCES = 500;
const FAST_MS = 100;
const BACKLOG_SECONDS = Number(process.env.BENCH_BACKLOG_SECONDS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WARMUP_SECONDS = 10;
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 30);
const LOOPS = Number(process.env.POMBO_DISPATCH_LOOPS ?? 2);
const BATCH = process.env.POMBO_DISPATCH_BATCH ? Number(process.env.POMBO_DISPATCH_BATCH) : undefined;

/** Runs the dispatcher of this process for `seconds`, measuring its CPU and Postgres's. */
async function runFor(seconds: number, dataDir: string, onTick?: (elapsed: number) => void) {
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuMs(dataDir);
  const rss = rssPeak();
  const t0 = performance.now();
  const dispatcher = await startDispatcher({ workerId: 'bench', loops: LOOPS, limit: BATCH });
  for (let s = 1; s <= seconds; s++) {
    await sleep(t0 + s * 1000 - performance.now());
    onTick?.(s);
  }
  await dispatcher.stop();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    wallS: round(wall / 1000),
    nodeCpuCores: round((cpu.user + cpu.system) / 1000 / wall, 2),
    postgresCpuCores: round((postgresCpuMs(dataDir) - pg0) / wall, 2),
    nodeRssPeakMb: rss.stop(),
  };
}

/**
 * `dispatch`: 500 sandbox instances (zero latency) with 5 minutes of backlog each, one worker
 * process's dispatcher. Phase 1, interval 0.1 s: sustained messages/s after a warm-up, then every
 * message is checked: sent exactly once (provider ledger) or still waiting, none lost. Phase 2,
 * interval 1 s: the gap between consecutive provider calls of each instance versus the interval.
 */
export async function run() {
  const db = await startBenchDatabase('dispatch');
  try {
    const sql = getSql();
    const owner = await benchOwner();
    const perInstance = (BACKLOG_SECONDS * 1000) / FAST_MS;
    const seedStart = performance.now();
    await sql`
      INSERT INTO instances (account_id, name, phone_number, provider, provider_config, send_interval_ms, status)
      SELECT ${owner.accountId}, 'Sandbox ' || g, '5511999990000', 'sandbox', ${sql.json({ latencyMs: 0, failureRate: 0, receiptDelayMs: null })}, ${FAST_MS}, 'connected'
      FROM generate_series(1, ${INSTANCES}) g`;
    await sql`
      INSERT INTO messages (account_id, instance_id, recipient, body, source_kind, source_label, enqueued_at, available_at)
      SELECT ${owner.accountId}, i.id, '5511' || lpad(g::text, 9, '0'), 'Mensagem ' || g, 'event', 'Pedido pago',
             now() - interval '1 day' + g * interval '1 ms', now() - interval '1 day'
      FROM instances i CROSS JOIN generate_series(1, ${perInstance}) g`;
    await sql`VACUUM ANALYZE messages`;
    await sql`VACUUM ANALYZE instances`;
    const total = INSTANCES * perInstance;
    const seedS = round((performance.now() - seedStart) / 1000);

    // Phase 1: throughput at 0.1 s.
    enableSandboxLedger();
    let atWarmup = 0;
    const fast = await runFor(SECONDS, db.dataDir, (s) => {
      if (s === WARMUP_SECONDS) atWarmup = sandboxLedger().sends;
    });
    const ledger = sandboxLedger();
    const sustained = Math.round((ledger.sends - atWarmup) / (SECONDS - WARMUP_SECONDS));
    const [states] = await sql<{ sent: number; queued: number; other: number; attempts: number; kept: number }[]>`
      SELECT count(*) FILTER (WHERE state = 'sent')::int AS sent, count(*) FILTER (WHERE state = 'queued')::int AS queued,
             count(*) FILTER (WHERE state NOT IN ('sent', 'queued'))::int AS other,
             (SELECT count(*)::int FROM message_attempts) AS attempts, (SELECT sum(queued_count)::int FROM instances) AS kept
      FROM messages`;
    const sentIds = await sql<{ id: string }[]>`SELECT id FROM messages WHERE state = 'sent'`;
    const sentButNotCalled = sentIds.filter((r) => ledger.keys.get(r.id) !== 1).length;
    const calledButNotSent = ledger.keys.size - (sentIds.length - sentButNotCalled);
    const lost = total - states!.sent - states!.queued;

    // Phase 2: pacing at 1 s, on the remaining backlog.
    await sql`UPDATE instances SET send_interval_ms = 1000`;
    enableSandboxLedger();
    const paced = await runFor(PACED_SECONDS, db.dataDir);
    const deviations: number[] = [];
    for (const calls of sandboxLedger().calls.values()) {
      for (let k = 2; k < calls.length; k++) deviations.push(Math.abs(calls[k]! - calls[k - 1]! - 1000));
    }
    const pacedSends = sandboxLedger().sends;

    return {
      instances: INSTANCES,
      backlog: total,
      seedSeconds: seedS,
      loops: LOOPS,
      fast: {
        intervalMs: FAST_MS,
        seconds: SECONDS,
        sent: ledger.sends,
        sustainedPerSecond: sustained,
        duplicates: ledger.duplicates,
        lost,
        sentButNotCalled,
        calledButNotSent,
        attemptsRecorded: states!.attempts,
        stuckOrFailed: states!.other,
        queuedCountExact: states!.kept === states!.queued,
        ...fast,
      },
      paced: {
        intervalMs: 1000,
        seconds: PACED_SECONDS,
        sent: pacedSends,
        gaps: deviations.length,
        gapDeviationP50Ms: percentile(deviations, 50),
        gapDeviationP99Ms: percentile(deviations, 99),
        gapDeviationMaxMs: percentile(deviations, 100),
        ...paced,
      },
    };
  } finally {
    await db.stop();
  }
}

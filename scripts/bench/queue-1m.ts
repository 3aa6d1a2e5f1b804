import { performance } from 'node:perf_hooks';
import { getSql } from '../../db/client';
import { queueOperationJob } from '../../jobs/queue-operation';
import type { Actor } from '../../lib/auth/permissions';
import { getBoss, stopBoss } from '../../lib/jobs/boss';
import { registerJob } from '../../lib/jobs/define';
import { encodeCursor } from '../../lib/queue/cursor';
import { listQueue } from '../../lib/queue/list';
import { getQueueOperations } from '../../lib/queue/operations/queries';
import { getQueueOverview, getSentLast7Days } from '../../lib/queue/queries';
import { startQueueOperation } from '../../lib/queue/service';
import type { OperationKind } from '../../lib/queue/states';
import { benchOwner, percentile, round, sleep, startBenchDatabase } from './_queue-support';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const SAMPLES = 40;
const progress = (line: string) => console.error(`[queue-1m] ${line}`);

/** What "Fila de envios" reads for one render (the same functions, in parallel, as the page does). */
function screenData(actor: Actor, instanceId: string, after?: string) {
  return Promise.all([
    getQueueOverview(actor, instanceId),
    getSentLast7Days(actor, instanceId),
    listQueue(actor, instanceId, { filter: 'all', after }),
    getQueueOperations(actor, instanceId),
  ]);
}

async function timed(n: number, f: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f(i);
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * Runs a queue operation the way the screen does (a pg-boss job for a big queue), timing it from
 * the request to `done`, while the screen's data is read every 250 ms (responsiveness meanwhile).
 */
async function operation(actor: Actor, instanceId: string, kind: OperationKind) {
  const t0 = performance.now();
  const started = await startQueueOperation(actor, { instanceId, kind });
  const during: number[] = [];
  let last = await getQueueOperations(actor, instanceId);
  while (!started.finished && last.open && performance.now() - t0 < Number(process.env.BENCH_OPERATION_TIMEOUT_MS ?? 120_000)) {
    const t = performance.now();
    await screenData(actor, instanceId);
    during.push(performance.now() - t);
    await sleep(250);
    last = await getQueueOperations(actor, instanceId);
  }
  const seconds = round((performance.now() - t0) / 1000, 2);
  progress(`${kind}: ${seconds} s`);
  const finished = started.finished || !last.open;
  const result = started.finished ? started.result : ((last.open ?? last.last)?.result ?? {});
  if (last.open || last.last?.error) {
    progress(`${kind} did not finish: ${JSON.stringify(last)}`);
    progress(JSON.stringify(await getSql()`SELECT pid, state, wait_event_type, wait_event, xact_start, left(query, 200) AS q FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`));
  }
  return { seconds, finished, asJob: !started.finished, result: Object.fromEntries(Object.entries(result).filter(([k]) => !k.startsWith('to:'))), screenP95MsMeanwhile: percentile(during, 95) };
}

/**
 * `queue-1m`: one instance with 1,000,000 waiting messages seeded by SQL (and three more
 * instances serving the same store). The queue screen's data (overview, chart, first page,
 * operations) p50/p95; the next page by keyset, near the head and a million rows deep; a recipient
 * search; then "Limpar fila", "Recuperar mensagens" and "Rebalancear fila" as pg-boss jobs.
 */
export async function run() {
  const db = await startBenchDatabase('queue-1m');
  try {
    const sql = getSql();
    const owner = await benchOwner();
    const [store] = await sql<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${owner.accountId}, 'Moda Praia') RETURNING id`;
    const instances = await sql<{ id: string }[]>`
      INSERT INTO instances (account_id, name, phone_number, provider, provider_config, send_interval_ms, status, next_send_at)
      SELECT ${owner.accountId}, 'Sandbox ' || g, '5511999990000', 'sandbox', '{}'::jsonb, (ARRAY[1000, 1000, 500, 2000])[g], 'connected', now() + interval '1 day'
      FROM generate_series(1, 4) g ORDER BY g RETURNING id`;
    const main = instances[0]!.id;
    await sql`INSERT INTO instance_stores (instance_id, store_id) SELECT id, ${store!.id} FROM instances`;
    const seedStart = performance.now();
    await sql`
      INSERT INTO messages (account_id, instance_id, store_id, recipient, body, source_kind, source_label, payload, enqueued_at, available_at)
      SELECT ${owner.accountId}, ${main}, ${store!.id}, '55' || (11900000000 + g)::text, 'Olá! Seu pedido #' || g || ' foi confirmado.', 'event', 'Pedido pago',
             jsonb_build_object('order', g), now() - interval '3 hours' + g * interval '10 ms', now() - interval '3 hours'
      FROM generate_series(1, ${MESSAGES}) g`;
    // History for the chart and the five-minute figures.
    await sql`
      INSERT INTO messages (account_id, instance_id, store_id, recipient, body, source_kind, source_label, state, enqueued_at, available_at, sent_at)
      SELECT ${owner.accountId}, ${main}, ${store!.id}, '5511800000000', 'x', 'event', 'Pedido pago', 'sent',
             now() - g * interval '1 s', now() - g * interval '1 s', now() - g * interval '1 s'
      FROM generate_series(1, 300) g`;
    await sql`
      INSERT INTO instance_daily_stats (instance_id, day, sent) SELECT ${main}, current_date - g, 5000 + g FROM generate_series(0, 6) g`;
    await sql`VACUUM ANALYZE`;
    const seedSeconds = round((performance.now() - seedStart) / 1000);

    progress(`seeded ${MESSAGES} in ${seedSeconds} s`);
    const first = await timed(SAMPLES, () => screenData(owner, main));
    const page1 = await listQueue(owner, main, { filter: 'all' });
    let cursor = page1.next!;
    const next = await timed(SAMPLES, async () => {
      const page = await listQueue(owner, main, { filter: 'all', after: cursor });
      cursor = page.next!;
    });
    const [deep] = await sql<{ at: Date; id: string }[]>`
      SELECT enqueued_at AS at, id FROM messages WHERE instance_id = ${main} AND state = 'queued' ORDER BY enqueued_at DESC, id DESC OFFSET 100 LIMIT 1`;
    const deepCursor = encodeCursor(deep!);
    const deepPage = await timed(SAMPLES, () => listQueue(owner, main, { filter: 'all', after: deepCursor }));
    const search = await timed(5, () => listQueue(owner, main, { filter: 'all', q: '11900777' }));

    progress('screen data measured');
    const boss = await getBoss('worker');
    await registerJob(boss, queueOperationJob);
    const clear = await operation(owner, main, 'clear');
    const recover = await operation(owner, main, 'recover');
    const rebalance = await operation(owner, main, 'rebalance');
    const counters = await sql<{ kept: number; actual: number }[]>`
      SELECT i.queued_count AS kept, (SELECT count(*)::int FROM messages m WHERE m.instance_id = i.id AND m.state = 'queued') AS actual
      FROM instances i ORDER BY i.name`;
    await stopBoss();

    return {
      messages: MESSAGES,
      seedSeconds,
      screenData: { p50Ms: percentile(first, 50), p95Ms: percentile(first, 95), samples: SAMPLES },
      nextPageKeyset: { p50Ms: percentile(next, 50), p95Ms: percentile(next, 95) },
      deepPageKeyset: { p50Ms: percentile(deepPage, 50), p95Ms: percentile(deepPage, 95) },
      recipientSearch: { p50Ms: percentile(search, 50), maxMs: percentile(search, 100) },
      clear,
      recover,
      rebalance,
      queuedAfter: counters.map((c) => c.actual),
      countersExact: counters.every((c) => c.kept === c.actual),
    };
  } finally {
    await stopBoss().catch(() => {});
    await db.stop();
  }
}

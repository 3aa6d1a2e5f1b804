/**
 * `npm run bench -- ingest`: the inbound events API against a production build (`npm start`, its own
 * embedded Postgres, workers in the process), store "Automação #1" with the demo credentials:
 *  1. single: POST /api/v1/events signed with X-Pombo-Signature, autocannon, 50 connections, 10 s
 *     (targets ≥ 1,500 accepted events/s, p99 ≤ 100 ms);
 *  2. batch: POST /api/v1/events/batch with 1,000 events a request, 8 connections, 10 s (≥ 20,000 events/s);
 *  3. end to end: 500 events/s for 10 s; acceptance → message in the queue, p95 (≤ 1 s), from the rows.
 */
import autocannon from 'autocannon';
import postgres from 'postgres';
import { signBody } from '../../lib/signature';
import { startServer } from './support';

const PORT = 3230;
const SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 10);
const SECRET = 'demo-webhook-secret';

function event(id: string, type = 'order_created') {
  return { externalId: id, type, occurredAt: new Date().toISOString(), contact: { phone: '+5511987654321', name: 'Bench' }, data: { order: { id } } };
}

/** The headers of a single event signed with the demo store's webhook secret. */
function signedHeaders(storeId: string, body: string): Record<string, string> {
  return { 'content-type': 'application/json', 'x-pombo-store': storeId, 'x-pombo-signature': signBody(SECRET, body, new Date()) };
}

const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!, 1);
}

async function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return autocannon(opts);
}

export async function run(): Promise<Record<string, unknown>> {
  const server = await startServer(PORT);
  const sql = postgres(`postgres://postgres:pombo@127.0.0.1:${PORT + 50000 - 3000 + 1}/pombo`, { max: 2, onnotice: () => {} });
  try {
    const [store] = await sql<{ id: string }[]>`SELECT id FROM stores WHERE name = 'Automação #1'`;
    const storeId = store!.id;
    // Room for the bench's request rate (the default limit is 2,000 requests/s per store).
    await sql`UPDATE store_credentials SET rate_limit_per_second = 1000000 WHERE store_id = ${storeId}`;
    // One signed event first: a stale production build (no events API yet) must stop the bench, not skew it.
    const probe = JSON.stringify(event(`probe-${process.pid}`));
    const probed = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      body: probe,
      headers: signedHeaders(storeId, probe),
    });
    if (probed.status !== 202) throw new Error(`POST /api/v1/events answered ${probed.status}: run \`npm run build\` and try again`);
    // Baseline: the cheapest route of this server under the same load (what the machine allows at all).
    const health = await cannon({ url: `${server.url}/api/health`, connections: 50, duration: 5 });
    let n = 0;
    const single = await cannon({
      url: `${server.url}/api/v1/events`,
      connections: 50,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const body = JSON.stringify(event(`s-${process.pid}-${n++}`));
            return { ...req, body, headers: signedHeaders(storeId, body) };
          },
        },
      ],
    });
    let b = 0;
    const batch = await cannon({
      url: `${server.url}/api/v1/events/batch`,
      connections: 8,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const base = b++;
            const body = JSON.stringify({ events: Array.from({ length: 1000 }, (_, i) => event(`b-${base}-${i}`)) });
            return { ...req, body, headers: { 'content-type': 'application/json', authorization: 'Bearer pombo_demo_key' } };
          },
        },
      ],
    });
    // Let the batch backlog drain before measuring latency under a steady 500 events/s.
    for (let i = 0; i < 600; i++) {
      const [p] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM events WHERE status = 'pending' AND external_id LIKE 'b-%'`;
      if (p!.n === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const startedAt = new Date();
    let e = 0;
    const steady = await cannon({
      url: `${server.url}/api/v1/events`,
      connections: 50,
      overallRate: 500,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({ ...req, body: JSON.stringify(event(`e-${e++}`, 'order_paid')), headers: { 'content-type': 'application/json', authorization: 'Bearer pombo_demo_key' } }),
        },
      ],
    });
    await new Promise((r) => setTimeout(r, 3000));
    const delays = await sql<{ ms: number | null }[]>`
      SELECT extract(epoch FROM (m.enqueued_at - e.received_at)) * 1000 AS ms
      FROM events e LEFT JOIN messages m ON m.id = e.message_id
      WHERE e.received_at >= ${startedAt} AND e.external_id LIKE 'e-%'`;
    const done = delays.filter((d) => d.ms !== null).map((d) => Number(d.ms));
    const accepted = (r: autocannon.Result) => r.requests.total - r.non2xx - r.errors;
    return {
      baselineHealth: { connections: 50, requestsPerSecond: Math.round(health.requests.average), p99ms: health.latency.p99 },
      single: {
        connections: 50,
        seconds: SECONDS,
        acceptedPerSecond: round(accepted(single) / SECONDS),
        p50ms: single.latency.p50,
        p99ms: single.latency.p99,
        non2xx: single.non2xx,
        errors: single.errors,
      },
      batch: { connections: 8, seconds: SECONDS, eventsPerSecond: round((accepted(batch) * 1000) / SECONDS), p99ms: batch.latency.p99, non2xx: batch.non2xx },
      endToEnd: {
        ratePerSecond: 500,
        accepted: accepted(steady),
        queued: done.length,
        p50ms: percentile(done, 50),
        p95ms: percentile(done, 95),
        p99ms: percentile(done, 99),
      },
    };
  } finally {
    await sql.end();
    await server.stop();
  }
}

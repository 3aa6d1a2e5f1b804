/**
 * `npm run bench -- conversions`: 100,000 conversion events forwarded to the fake Meta Graph API
 * (zero latency) in batches of 1,000 (target ≥ 5,000 events/s), then a retry sweep over 100,000
 * events in Esperando Retentativa (target ≤ 30 s). Real Postgres (embedded), real HTTP.
 */
import { closeDb, getSql } from '../../db/client';
import { DELIVERY_LOOPS, deliverDestinationParallel } from '../../lib/conversions/deliver';
import { ingestConversions } from '../../lib/conversions/ingest';
import { conversionInputSchema, destinationFormSchema } from '../../lib/conversions/schemas';
import { createDestination } from '../../lib/conversions/service';
import { runConversionSweep } from '../../lib/conversions/sweep';
import { createStore } from '../../lib/stores/service';
import { startFakeMetaGraph } from '../../tests/fakes/meta-graph';
import { createTenant } from '../../tests/support/factories';
import { freshTestDatabase } from '../../tests/support/test-database';
import { processFigures } from './support';

const TOTAL = Number(process.env.BENCH_CONVERSIONS ?? 100_000);
const CHUNK = 1000;
const LOOPS = Number(process.env.BENCH_CONVERSION_LOOPS ?? DELIVERY_LOOPS);
const round = (n: number) => Math.round(n * 100) / 100;

export async function run(): Promise<Record<string, unknown>> {
  // A fresh embedded Postgres of its own, migrated (the test suite's helper).
  const db = await freshTestDatabase();
  process.env.DATABASE_URL = db.url;
  process.env.POMBO_SECRET ??= 'bench-secret-not-for-production';
  const fake = await startFakeMetaGraph({ record: false });
  try {
    const owner = (await createTenant()).actors.owner;
    const store = await createStore(owner, { name: 'Bench' });
    const { id: destinationId } = await createDestination(
      owner,
      destinationFormSchema.parse({ kind: 'meta', storeId: store.id, name: 'Meta', pixelId: fake.pixelId, secret: fake.accessToken, graphBaseUrl: fake.baseUrl, mappings: '' }),
    );
    const target = { accountId: owner.accountId, storeId: store.id };
    const eventTime = new Date().toISOString();

    // Intake: 100 requests' worth of 1,000 events (what POST /api/v1/conversions does after auth).
    let t0 = performance.now();
    for (let i = 0; i < TOTAL; i += CHUNK) {
      const inputs = Array.from({ length: Math.min(CHUNK, TOTAL - i) }, (_, j) =>
        conversionInputSchema.parse({ externalId: `o-${i + j}`, eventName: 'Purchase', eventTime, user: { email: `c${i + j}@exemplo.com`, phone: `+55 11 9${String(i + j).padStart(8, '0')}` }, customData: { value: 10, currency: 'BRL' } }),
      );
      await ingestConversions(target, inputs);
    }
    const ingestSeconds = (performance.now() - t0) / 1000;

    // First attempts, as the conversionsDeliver job runs them: LOOPS request loops, 1,000 events per request.
    t0 = performance.now();
    await deliverDestinationParallel(destinationId, { loops: LOOPS });
    const forwardSeconds = (performance.now() - t0) / 1000;
    if (fake.received() !== TOTAL) throw new Error(`fake Meta received ${fake.received()} of ${TOTAL}`);

    // Every event back to Esperando Retentativa with its 30 minutes over; one sweep sends them all.
    await getSql()`UPDATE conversion_events SET status = 'waiting_retry', finished_at = NULL, next_attempt_at = now() - interval '1 second' WHERE destination_id = ${destinationId}`;
    t0 = performance.now();
    const sweep = await runConversionSweep({ parallel: LOOPS });
    const sweepSeconds = (performance.now() - t0) / 1000;
    const [left] = await getSql()<{ n: number }[]>`SELECT count(*)::int AS n FROM conversion_events WHERE status <> 'succeeded'`;
    if (sweep.succeeded !== TOTAL || left!.n !== 0) throw new Error(`sweep resent ${sweep.succeeded} of ${TOTAL}; ${left!.n} not in Sucesso`);

    return {
      events: TOTAL,
      batch: CHUNK,
      deliveryLoops: LOOPS,
      ingestSeconds: round(ingestSeconds),
      ingestPerSecond: Math.round(TOTAL / ingestSeconds),
      forwardSeconds: round(forwardSeconds),
      forwardPerSecond: Math.round(TOTAL / forwardSeconds),
      forwardTarget: '≥ 5000/s',
      retrySweepSeconds: round(sweepSeconds),
      retrySweepPerSecond: Math.round(TOTAL / sweepSeconds),
      retrySweepTarget: '≤ 30 s',
      metaRequests: fake.calls(),
      ...processFigures(),
    };
  } finally {
    await fake.close();
    await closeDb();
    await db.dispose();
  }
}

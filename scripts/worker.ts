import { closeDb } from '../db/client';
import { startWorkers } from '../jobs/worker';
import { onShutdown, prepareRuntime } from './runtime';

/** `npm run worker`: a worker-only process (no web server) against the same Postgres. */
const runtime = await prepareRuntime();
const workers = await startWorkers('worker');
console.log(`Pombo worker ${workers.identity.id} running (${workers.identity.queues.length} queues). Ctrl-C to stop.`);
onShutdown(async () => {
  await workers.stop();
  await closeDb();
  await runtime.embedded?.stop();
});

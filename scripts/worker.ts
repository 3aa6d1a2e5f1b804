import { closeDb } from '../db/client';
import { startWorkers } from '../jobs/worker';
import { onShutdown, prepareRuntime } from './runtime';

/** `npm run worker`: a worker-only process (no web server) against the same Postgres. */
const runtime = await prepareRuntime();
const starting = startWorkers('worker');
// Registered before the workers are up, so a SIGTERM during start-up still shuts down cleanly.
onShutdown(async () => {
  await (await starting).stop();
  await closeDb();
  await runtime.embedded?.stop();
});
const workers = await starting;
console.log(`Pombo worker ${workers.identity.id} running (${workers.identity.queues.length} queues). Ctrl-C to stop.`);

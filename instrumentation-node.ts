import { startWorkers } from './jobs/worker';

// The pg-boss workers live in the web process unless POMBO_WORKERS=off (then `npm run worker`).
if (process.env.POMBO_WORKERS !== 'off' && process.env.NEXT_PHASE !== 'phase-production-build') {
  const workers = await startWorkers('web+worker');
  const stop = () => {
    workers.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

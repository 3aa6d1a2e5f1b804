import { startWorkers } from './jobs/worker';

// The pg-boss workers live in the web process unless POMBO_WORKERS=off (then `npm run worker`).
// With NEXT_MANUAL_SIG_HANDLE set (npm start sets it) the shutdown on SIGTERM/SIGINT is ours.
const workers = process.env.POMBO_WORKERS !== 'off' && process.env.NEXT_PHASE !== 'phase-production-build' ? await startWorkers('web+worker') : null;
const stop = () => {
  (workers?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

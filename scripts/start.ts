import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { closeDb } from '../db/client';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoIfEmpty } from '../lib/demo/seed';
import { onShutdown, prepareRuntime } from './runtime';

/**
 * `npm start`: database + migrations + demo seed, a production build when there is none yet,
 * then `next start` (web and, unless POMBO_WORKERS=off, the pg-boss workers in that process).
 */
const started = Date.now();
const runtime = await prepareRuntime();
const seeded = await seedDemoIfEmpty();
await closeDb();

const nextBin = 'node_modules/next/dist/bin/next';
if (!existsSync(`${process.env.NEXT_DIST_DIR ?? '.next'}/BUILD_ID`)) {
  console.log('No production build yet: running `next build` (about a minute)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) {
    await runtime.embedded?.stop();
    process.exit(build.status ?? 1);
  }
}

const port = process.env.PORT ?? '3000';
const web = spawn(process.execPath, [nextBin, 'start', '-p', port], {
  stdio: 'inherit',
  // NEXT_MANUAL_SIG_HANDLE: Next leaves SIGTERM to us, so the workers finish their jobs before exit.
  env: { ...process.env, AUTH_TRUST_HOST: 'true', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', NEXT_MANUAL_SIG_HANDLE: 'true' },
});

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

waitForHealth().then(() => {
  const lines = [
    '',
    `  Pombo is running on http://localhost:${port}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  Database: ${runtime.embedded ? `embedded PostgreSQL, data in ${runtime.dataDir}/pg` : 'DATABASE_URL'}${seeded ? ' — demo data seeded' : ''}`,
    `  Workers: ${process.env.POMBO_WORKERS === 'off' ? 'off (run `npm run worker`)' : 'running in this process'}`,
    `  Demo sign-ins (password "${DEMO_PASSWORD}"):`,
    ...DEMO_USERS.map((u) => `    ${u.email.padEnd(22)} ${u.role === 'admin' ? 'platform admin' : u.role}`),
    '',
  ];
  console.log(lines.join('\n'));
});

let exiting = false;
web.on('exit', async (code) => {
  if (exiting) return;
  await runtime.embedded?.stop();
  process.exit(code ?? 1);
});

onShutdown(async () => {
  exiting = true;
  if (web.exitCode === null) {
    web.kill('SIGTERM');
    await new Promise((r) => web.once('exit', r));
  }
  await runtime.embedded?.stop();
});

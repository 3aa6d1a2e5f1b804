import { rmSync } from 'node:fs';
import net from 'node:net';
import postgres from 'postgres';
import type { EmbeddedDatabase } from '../../db/embedded';
import { runMigrations } from '../../db/migrate';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh, migrated database for one test run: a database of its own on DATABASE_URL's server
 * when that is set, else an embedded Postgres of its own (own data dir, free port), so several
 * runs can go on side by side on one machine.
 */
export async function freshTestDatabase(): Promise<{ url: string; dispose: () => Promise<void> }> {
  const name = `pombo_test_${process.pid}`;
  let embedded: EmbeddedDatabase | null = null;
  let serverUrl = process.env.DATABASE_URL;
  const dataDir = `.pombo-test/${process.pid}`;
  if (!serverUrl) {
    const { startEmbeddedPostgres } = await import('../../db/embedded');
    embedded = await startEmbeddedPostgres({ baseDir: dataDir, port: await freePort(), database: 'postgres' });
    serverUrl = embedded.url;
  }
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    dispose: async () => {
      if (embedded) {
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
        return;
      }
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

import postgres from 'postgres';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded';
import { runMigrations } from '../../db/migrate';

/**
 * A fresh, migrated database for a test run: on DATABASE_URL's server when it is set, else on an
 * embedded Postgres of the tests' own (data in .pombo-test/, port 54349).
 */
export async function freshTestDatabase(name: string): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  let embedded: EmbeddedDatabase | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ baseDir: '.pombo-test', port: Number(process.env.POMBO_TEST_PG_PORT ?? 54349), database: 'postgres' });
    serverUrl = embedded.url;
  }
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return { url: url.toString(), embedded };
}

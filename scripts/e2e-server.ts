import { rmSync } from 'node:fs';
import postgres from 'postgres';

/**
 * The server the Playwright suite runs against: `npm start` on a fresh database with the demo
 * data (a fresh embedded data dir, or a recreated `pombo_e2e` database on DATABASE_URL's server).
 */
if (process.env.DATABASE_URL) {
  const server = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await server.unsafe('DROP DATABASE IF EXISTS pombo_e2e WITH (FORCE)');
  await server.unsafe('CREATE DATABASE pombo_e2e');
  await server.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = '/pombo_e2e';
  process.env.DATABASE_URL = url.toString();
} else {
  rmSync(process.env.POMBO_DATA_DIR ?? '.pombo-e2e', { recursive: true, force: true });
}
await import('./start');

import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;

interface Handle {
  sql: Sql;
  db: Db;
}

// Kept on globalThis so Next's module reloading in dev does not open a pool per reload.
const holder = globalThis as unknown as { __pomboDb?: Handle };

function open(): Handle {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded Postgres)');
  const sql = postgres(url, {
    max: Number(process.env.POMBO_DB_POOL ?? 10),
    onnotice: () => {},
    connection: { application_name: 'pombo' },
  });
  return { sql, db: drizzle(sql, { schema }) };
}

export function getDb(): Db {
  holder.__pomboDb ??= open();
  return holder.__pomboDb.db;
}

export function getSql(): Sql {
  holder.__pomboDb ??= open();
  return holder.__pomboDb.sql;
}

export async function closeDb(): Promise<void> {
  const handle = holder.__pomboDb;
  holder.__pomboDb = undefined;
  await handle?.sql.end({ timeout: 5 });
}

export { schema };

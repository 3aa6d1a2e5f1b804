import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;

interface Handle {
  sql: Sql;
  orm: Sql;
  db: Db;
}

// Kept on globalThis so Next's module reloading in dev does not open a pool per reload.
const holder = globalThis as unknown as { __pomboDb?: Handle };

function connect(url: string, role: string): Sql {
  return postgres(url, {
    max: Number(process.env.POMBO_DB_POOL ?? 10),
    onnotice: () => {},
    connection: { application_name: `pombo${role}` },
  });
}

const json = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
const same = (x: unknown) => x;

/** Raw SQL's types: Date parameters and timestamptz results as Dates; `date` columns stay 'YYYY-MM-DD' strings; a JSON parameter may be an object or already-serialized text. */
function rawTypes(sql: Sql): Sql {
  for (const oid of ['114', '3802']) (sql.options.serializers as Record<string, (x: unknown) => unknown>)[oid] = json;
  (sql.options.parsers as Record<string, (x: unknown) => unknown>)['1082'] = same;
  return sql;
}

/**
 * Two pools, both lazy. drizzle rewires its client's type handling (timestamps and dates pass
 * through as strings, for its own column mapping), which would make raw SQL choke on a Date
 * parameter and hand back strings where a Date is declared. So drizzle gets a client of its own,
 * and `getSql()` keeps postgres.js's standard types: Date in, Date out.
 */
function open(): Handle {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded Postgres)');
  const orm = connect(url, '-orm');
  return { sql: rawTypes(connect(url, '')), orm, db: drizzle(orm, { schema }) };
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
  await Promise.all([handle?.sql.end({ timeout: 5 }), handle?.orm.end({ timeout: 5 })]);
}

export { schema };

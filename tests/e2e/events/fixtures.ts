import { createHash, randomBytes } from 'node:crypto';
import postgres from 'postgres';

/** The e2e server's database (scripts/e2e-server.ts): the embedded one, or pombo_e2e beside DATABASE_URL. */
function databaseUrl(): string {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/pombo_e2e';
    return url.toString();
  }
  return `postgres://postgres:pombo@127.0.0.1:${process.env.POMBO_E2E_PG_PORT ?? '54339'}/pombo`;
}

async function withDb<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

/** Unique per test and project, so the desktop and phone runs never share objects. */
export function uniquePrefix(info: { project: { name: string } }, label: string): string {
  return `${label} ${info.project.name} ${Date.now().toString(36)}`;
}

export interface ApiStore {
  storeId: string;
  storeName: string;
  instanceId: string;
  apiKey: string;
}

/**
 * A store of its own with an API key, one connected sandbox instance that will not send during the
 * spec (next send in an hour), and a store template for `eventType`.
 */
export async function seedApiStore(prefix: string, eventType: string, withCredentials = true): Promise<ApiStore> {
  const apiKey = `pombo_e2e_${randomBytes(12).toString('hex')}`;
  return withDb(async (sql) => {
    const [account] = await sql<{ id: string }[]>`SELECT id FROM accounts WHERE name = 'Loja Demo'`;
    const accountId = account!.id;
    const storeName = `${prefix} Loja`;
    const [store] = await sql<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${accountId}, ${storeName}) RETURNING id`;
    const [instance] = await sql<{ id: string }[]>`
      INSERT INTO instances (account_id, name, phone_number, provider, provider_config, send_interval_ms, status, next_send_at)
      VALUES (${accountId}, ${`${prefix} Instância`}, '5511900000000', 'sandbox', '{}'::jsonb, 3600000, 'connected', now() + interval '1 hour') RETURNING id`;
    await sql`INSERT INTO instance_stores (instance_id, store_id) VALUES (${instance!.id}, ${store!.id})`;
    if (withCredentials) {
      await sql`INSERT INTO store_credentials (store_id, account_id, api_key_hash, api_key_last4, webhook_secret_sealed, webhook_secret_last4)
        VALUES (${store!.id}, ${accountId}, ${createHash('sha256').update(apiKey).digest('hex')}, ${apiKey.slice(-4)}, 'unused', 'nope')`;
    }
    await sql`INSERT INTO templates (account_id, store_id, event_type, name, body)
      VALUES (${accountId}, ${store!.id}, ${eventType}, ${`${prefix} modelo`}, 'Olá {{contact.name}}, pedido {{data.order.id}} confirmado!')`;
    return { storeId: store!.id, storeName, instanceId: instance!.id, apiKey };
  });
}

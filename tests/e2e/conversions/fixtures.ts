import postgres from 'postgres';

function databaseUrl(): string {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/pombo_e2e'; // scripts/e2e-server.ts recreates this database
    return url.toString();
  }
  return `postgres://postgres:pombo@127.0.0.1:${process.env.POMBO_E2E_PG_PORT ?? '54339'}/pombo`;
}

export interface SeededConversions {
  storeName: string;
  destinationName: string;
  waiting: string;
  failed: string;
  succeeded: string;
}

/**
 * A store of its own in "Loja Demo" with a sandbox destination (always success) and three events:
 * Esperando Retentativa (next attempt in 30 minutes, so the sweep leaves it), Falha and Sucesso,
 * with their attempts. Each spec run gets its own prefix, so projects never see each other's rows.
 */
export async function seedConversions(prefix: string): Promise<SeededConversions> {
  const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const [account] = await sql<{ id: string }[]>`SELECT id FROM accounts WHERE name = 'Loja Demo'`;
    const storeName = `${prefix} Loja`;
    const destinationName = `${prefix} Destino`;
    const [store] = await sql<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${account!.id}, ${storeName}) RETURNING id`;
    const [destination] = await sql<{ id: string }[]>`
      INSERT INTO conversion_destinations (account_id, store_id, kind, name, config) VALUES (${account!.id}, ${store!.id}, 'sandbox', ${destinationName}, '{"mode":"success"}') RETURNING id`;
    const ids = { waiting: `${prefix}-espera`, failed: `${prefix}-falha`, succeeded: `${prefix}-ok` };
    const rows: [string, string, number, string | null, string | null][] = [
      [ids.waiting, 'waiting_retry', 503, 'HTTP 503: instabilidade simulada', null],
      [ids.failed, 'failed', 400, 'HTTP 400: #100 Invalid parameter', 'erro permanente'],
      [ids.succeeded, 'succeeded', 200, null, null],
    ];
    for (const [externalId, status, http, error, reason] of rows) {
      const [event] = await sql<{ id: string }[]>`
        INSERT INTO conversion_events (account_id, store_id, destination_id, external_id, event_id, event_name, event_time, user_data, status, attempts,
          next_attempt_at, last_attempt_at, last_error, last_http_status, failure_reason, created_at)
        VALUES (${account!.id}, ${store!.id}, ${destination!.id}, ${externalId}, ${externalId}, 'Purchase', now() - interval '5 minutes', '{"em":["x"]}', ${status}::conversion_status, 1,
          now() + interval '30 minutes', now() - interval '1 minute', ${error}, ${http}, ${reason}, now() - interval '5 minutes')
        RETURNING id`;
      await sql`INSERT INTO conversion_attempts (event_id, attempt, started_at, duration_ms, outcome, http_status, error)
        VALUES (${event!.id}, 1, now() - interval '1 minute', 140, ${status === 'succeeded' ? 'success' : status === 'failed' ? 'permanent' : 'transient'}, ${http}, ${error})`;
    }
    return { storeName, destinationName, ...ids };
  } finally {
    await sql.end();
  }
}

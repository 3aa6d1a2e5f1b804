import { expect, type Page } from '@playwright/test';
import postgres from 'postgres';

/**
 * Seeds a queue of its own straight into the e2e database, so a spec that clears, removes or
 * rebalances never touches what another spec (or the other Playwright project) looks at. The
 * instance is disconnected: nothing drains while the spec runs.
 */
function databaseUrl(): string {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/pombo_e2e'; // scripts/e2e-server.ts recreates this database
    return url.toString();
  }
  return `postgres://postgres:pombo@127.0.0.1:${process.env.POMBO_E2E_PG_PORT ?? '54339'}/pombo`;
}

export async function withDb<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

export interface SeededQueue {
  instanceId: string;
  instanceName: string;
  storeId: string;
  storeName: string;
  targetId?: string;
}

export async function seedQueue(opts: {
  prefix: string;
  queued: number;
  processing?: boolean;
  removed?: number;
  /** A second, connected instance serving the same store: somewhere for "Rebalancear fila" to move messages. */
  rebalanceTarget?: boolean;
}): Promise<SeededQueue> {
  return withDb(async (sql) => {
    const [account] = await sql<{ id: string }[]>`SELECT id FROM accounts WHERE name = 'Loja Demo'`;
    const accountId = account!.id;
    const storeName = `${opts.prefix} Loja`;
    const instanceName = `${opts.prefix} Instância`;
    const [store] = await sql<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${accountId}, ${storeName}) RETURNING id`;
    const [instance] = await sql<{ id: string }[]>`
      INSERT INTO instances (account_id, name, phone_number, provider, provider_config, send_interval_ms)
      VALUES (${accountId}, ${instanceName}, '5511900000000', 'sandbox', '{}'::jsonb, 2000) RETURNING id`;
    const instanceId = instance!.id;
    await sql`INSERT INTO instance_stores (instance_id, store_id) VALUES (${instanceId}, ${store!.id})`;
    // Recipients 5511900001001…, one second apart, oldest first, the newest a minute ago; the removed
    // ones come before them. Microsecond times, as a send's generation writes them (keyset pages must hold).
    const base = sql`now() - ${1001 + opts.queued + 60} * interval '1 second'`;
    const insert = (state: 'queued' | 'removed', from: number, count: number) => sql`
      INSERT INTO messages (account_id, instance_id, store_id, recipient, body, source_kind, source_label, payload, state, enqueued_at, available_at, removed_at, removed_reason)
      SELECT ${accountId}, ${instanceId}, ${store!.id}, '55119' || lpad(n::text, 8, '0'), 'Olá! Seu pedido #' || n || ' foi pago.', 'event', 'Pedido pago (order.paid)',
             jsonb_build_object('externalId', 'pedido-' || n, 'type', 'order.paid', 'data', jsonb_build_object('order', jsonb_build_object('id', n))),
             ${state}::message_state, ${base} + n * interval '1 second', ${base} + n * interval '1 second',
             CASE WHEN ${state} = 'removed' THEN now() - interval '30 minutes' END, CASE WHEN ${state} = 'removed' THEN 'manual' END
      FROM generate_series(${from}::int, ${from + count - 1}::int) AS n`;
    if (opts.removed) await insert('removed', 1, opts.removed);
    if (opts.queued) await insert('queued', 1001, opts.queued);
    if (opts.processing) {
      const [m] = await sql<{ id: string }[]>`
        INSERT INTO messages (account_id, instance_id, store_id, recipient, body, source_kind, source_label, state, attempts, enqueued_at, available_at, claimed_at, lease_expires_at)
        VALUES (${accountId}, ${instanceId}, ${store!.id}, '5511977776666', 'Mensagem sendo enviada', 'event', 'Pedido enviado (order.shipped)', 'processing', 1,
                ${base}, ${base}, date_trunc('milliseconds', now()), now() + interval '1 hour') RETURNING id`;
      await sql`UPDATE instances SET in_flight_message_id = ${m!.id} WHERE id = ${instanceId}`;
    }
    let targetId: string | undefined;
    if (opts.rebalanceTarget) {
      const [target] = await sql<{ id: string }[]>`
        INSERT INTO instances (account_id, name, phone_number, provider, provider_config, send_interval_ms, status, paused)
        VALUES (${accountId}, ${`${opts.prefix} Destino`}, '5511900000001', 'sandbox', '{}'::jsonb, 2000, 'connected', false) RETURNING id`;
      targetId = target!.id;
      await sql`INSERT INTO instance_stores (instance_id, store_id) VALUES (${targetId}, ${store!.id})`;
    }
    return { instanceId, instanceName, storeId: store!.id, storeName, targetId };
  });
}

export async function enqueueOne(seeded: SeededQueue, recipient: string): Promise<void> {
  await withDb(
    (sql) => sql`
      INSERT INTO messages (account_id, instance_id, store_id, recipient, body, source_kind, source_label, enqueued_at, available_at)
      SELECT account_id, id, ${seeded.storeId}, ${recipient}, 'Chegou agora', 'event', 'Pedido criado (order.created)', date_trunc('milliseconds', now()), date_trunc('milliseconds', now())
      FROM instances WHERE id = ${seeded.instanceId}`,
  );
}

/** A unique prefix per test and project, so the desktop and phone runs never share objects. */
export function uniquePrefix(info: { project: { name: string } }, label: string): string {
  return `${label} ${info.project.name} ${Date.now().toString(36)}`;
}

/** A store of the demo account with no instance yet. */
export async function seedStore(name: string): Promise<{ id: string; name: string }> {
  return withDb(async (sql) => {
    const [store] = await sql<{ id: string }[]>`INSERT INTO stores (account_id, name) SELECT id, ${name} FROM accounts WHERE name = 'Loja Demo' RETURNING id`;
    return { id: store!.id, name };
  });
}

/**
 * A result toast appears and goes away. Toasts sit over the page header's buttons and stay while
 * hovered, so the pointer moves off before the next click.
 */
export async function expectToast(page: Page, text: string | RegExp): Promise<void> {
  const toast = page.locator('[data-sonner-toast]').filter({ hasText: text });
  await expect(toast.first()).toBeVisible();
  await page.mouse.move(1, (page.viewportSize()?.height ?? 800) - 1);
  await expect(toast).toHaveCount(0, { timeout: 15_000 });
}

import { withDb } from '../queue/fixtures';

/**
 * Sends of their own straight in the e2e database (a store and a fast sandbox instance each), so
 * what one spec confirms or recomputes never touches another spec or the other Playwright project.
 */
async function storeWithInstance(sql: Parameters<Parameters<typeof withDb>[0]>[0], prefix: string) {
  const [account] = await sql<{ id: string }[]>`SELECT id FROM accounts WHERE name = 'Loja Demo'`;
  const accountId = account!.id;
  const [store] = await sql<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${accountId}, ${`${prefix} Loja`}) RETURNING id`;
  // Receipts half a second after each send, every message read: the block reaches its final figures fast.
  const [instance] = await sql<{ id: string }[]>`
    INSERT INTO instances (account_id, name, phone_number, provider, provider_config, send_interval_ms, status)
    VALUES (${accountId}, ${`${prefix} Instância`}, '5511900000000', 'sandbox', '{"receiptDelayMs": 500, "readRate": 1}'::jsonb, 100, 'connected')
    RETURNING id`;
  await sql`INSERT INTO instance_stores (instance_id, store_id) VALUES (${instance!.id}, ${store!.id})`;
  return { accountId, storeId: store!.id, instanceId: instance!.id };
}

/** A configuration in Rascunho with `n` recipients, ready for "Confirmar envio". */
export async function seedDraft(prefix: string, n: number): Promise<string> {
  return withDb(async (sql) => {
    const { accountId, storeId } = await storeWithInstance(sql, prefix);
    const [config] = await sql<{ id: string }[]>`
      INSERT INTO send_configs (account_id, store_id, name, body, time_zone, status, audience_state, audience_valid, schedule_kind)
      VALUES (${accountId}, ${storeId}, ${`${prefix} Envio`}, 'Oi {{nome}}, veja https://loja.example/ofertas', 'America/Sao_Paulo', 'draft', 'ready', ${n}, 'now')
      RETURNING id`;
    await sql`
      INSERT INTO send_recipients (config_id, position, line_no, phone, name)
      SELECT ${config!.id}, g, g + 1, '+55119876' || lpad(g::text, 5, '0'), 'Pessoa ' || g FROM generate_series(1, ${n}) g`;
    return config!.id;
  });
}

/**
 * A finished send of four messages (read, delivered, waiting for a receipt, failed) whose stored
 * indicators are an old, empty snapshot: "Calcular estatísticas" has something to change.
 */
export async function seedFinishedWithStaleStats(prefix: string): Promise<string> {
  return withDb(async (sql) => {
    const { accountId, storeId, instanceId } = await storeWithInstance(sql, prefix);
    await sql`UPDATE instances SET status = 'disconnected' WHERE id = ${instanceId}`;
    const [config] = await sql<{ id: string }[]>`
      INSERT INTO send_configs (account_id, store_id, name, body, time_zone, status, audience_state, audience_valid, schedule_kind, confirmed_at)
      VALUES (${accountId}, ${storeId}, ${`${prefix} Envio`}, 'Oi', 'America/Sao_Paulo', 'finished', 'ready', 4, 'now', now() - interval '2 hours')
      RETURNING id`;
    const [run] = await sql<{ id: string }[]>`
      INSERT INTO send_runs (account_id, config_id, scheduled_at, state, total, generated, generation_started_at, generation_finished_at, finished_at)
      VALUES (${accountId}, ${config!.id}, now() - interval '2 hours', 'done', 4, 4, now() - interval '2 hours', now() - interval '2 hours', now() - interval '1 hour')
      RETURNING id`;
    await sql`
      INSERT INTO messages (account_id, instance_id, store_id, recipient, body, source_kind, source_label, source_id, state, attempts,
                            enqueued_at, available_at, sent_at, failed_at, delivery_status, delivered_at, read_at)
      SELECT ${accountId}, ${instanceId}, ${storeId}, '+5511987650' || g, 'Oi', 'send', ${`${prefix} Envio`}, ${run!.id},
             (CASE WHEN g = 4 THEN 'failed' ELSE 'sent' END)::message_state, 1, now() - interval '2 hours', now() - interval '2 hours',
             CASE WHEN g < 4 THEN now() - interval '2 hours' END, CASE WHEN g = 4 THEN now() - interval '2 hours' END,
             (CASE g WHEN 1 THEN 'read' WHEN 2 THEN 'delivered' WHEN 3 THEN 'pending' END)::delivery_status,
             CASE WHEN g < 3 THEN now() - interval '2 hours' END, CASE WHEN g = 1 THEN now() - interval '2 hours' END
      FROM generate_series(1, 4) g`;
    await sql`
      INSERT INTO delivery_stats (run_id, account_id, to_deliver, sent, delivered, errors, pending, read, clicked, computed_at)
      VALUES (${run!.id}, ${accountId}, 4, 0, 0, 0, 0, 0, 0, now() - interval '1 hour')`;
    return config!.id;
  });
}

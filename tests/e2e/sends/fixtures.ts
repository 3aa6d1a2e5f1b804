import { withDb } from '../queue/fixtures';

export type SeededState = 'scheduled' | 'processing' | 'in_progress_before' | 'in_progress_generating';

/**
 * A send configuration of its own in the given state, straight in the e2e database, so a spec that
 * aborts never touches what another spec (or the other Playwright project) looks at. Half-way runs
 * have fresh timeline events, so the workers leave them alone (they only resume runs stalled for
 * 5 minutes); the generating one has a message waiting on a disconnected instance, so it stays
 * IN-PROGRESS.
 */
export async function seedSend(name: string, state: SeededState): Promise<string> {
  return withDb(async (sql) => {
    const [account] = await sql<{ id: string }[]>`SELECT id FROM accounts WHERE name = 'Loja Demo'`;
    const [store] = await sql<{ id: string }[]>`SELECT id FROM stores WHERE account_id = ${account!.id} AND name = 'Automação #1'`;
    const [instance] = await sql<{ id: string }[]>`
      INSERT INTO instances (account_id, name, phone_number, provider, provider_config, send_interval_ms)
      VALUES (${account!.id}, ${`${name} Instância`}, '5511900000000', 'sandbox', '{}'::jsonb, 2000) RETURNING id`;
    const [config] = await sql<{ id: string }[]>`
      INSERT INTO send_configs (account_id, store_id, name, body, time_zone, status, audience_state, audience_valid, schedule_kind, schedule_at, confirmed_at)
      VALUES (${account!.id}, ${store!.id}, ${name}, 'Olá {{nome}}', 'America/Sao_Paulo', 'active', 'ready', 2,
              ${state === 'scheduled' ? 'at' : 'now'}, ${state === 'scheduled' ? sql`now() + interval '2 days'` : null}, now())
      RETURNING id`;
    await sql`INSERT INTO send_recipients (config_id, position, line_no, phone, name) VALUES
      (${config!.id}, 1, 2, '+5511987650001', 'Ana'), (${config!.id}, 2, 3, '+5511987650002', 'Bruno')`;
    const runState = state === 'scheduled' ? 'scheduled' : state === 'processing' ? 'processing' : 'in_progress';
    const generating = state === 'in_progress_generating';
    const plan = sql.json([{ instanceId: instance!.id, lo: 0, hi: 1 }]);
    const [run] = await sql<{ id: string }[]>`
      INSERT INTO send_runs (account_id, config_id, scheduled_at, state, total, generated, plan, generation_started_at)
      VALUES (${account!.id}, ${config!.id}, ${state === 'scheduled' ? sql`now() + interval '2 days'` : sql`now()`}, ${runState}, 2,
              ${generating ? 1 : 0}, ${runState === 'in_progress' ? plan : null}, ${generating ? sql`now()` : null})
      RETURNING id`;
    const events = ['scheduled', ...(runState === 'scheduled' ? [] : ['processing']), ...(runState === 'in_progress' ? ['in_progress'] : [])];
    for (const [i, e] of events.entries()) {
      await sql`INSERT INTO send_run_events (run_id, state, at) VALUES (${run!.id}, ${e}, now() + ${i} * interval '1 millisecond')`;
    }
    if (generating) {
      await sql`INSERT INTO send_batches (run_id, seq, from_position, to_position, count, started_at, finished_at)
                VALUES (${run!.id}, 1, 1, 1, 1, now(), now())`;
      await sql`
        INSERT INTO messages (account_id, instance_id, store_id, recipient, body, source_kind, source_label, source_id, enqueued_at, available_at)
        VALUES (${account!.id}, ${instance!.id}, ${store!.id}, '+5511987650001', 'Olá Ana', 'send', ${name}, ${run!.id}, now(), now())`;
    }
    return config!.id;
  });
}

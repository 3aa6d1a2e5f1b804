import { describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { seedSendsDemo } from '@/lib/demo/sends';
import { createTenant } from '../../support/factories';

describe('sends demo data', () => {
  it('has configurations in every state', async () => {
    const { account, actors } = await createTenant();
    const sql = getSql();
    for (const [name, intervals] of [
      ['Automação #1', [2000, 5000]],
      ['Moda Praia', [3000]],
    ] as const) {
      const [store] = await sql<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${account.id}, ${name}) RETURNING id`;
      for (const interval of intervals) {
        const [i] = await sql<{ id: string }[]>`
          INSERT INTO instances (account_id, name, phone_number, provider, send_interval_ms, status)
          VALUES (${account.id}, ${`${name} ${interval}`}, '+5511900000000', 'sandbox', ${interval}, 'connected') RETURNING id`;
        await sql`INSERT INTO instance_stores (instance_id, store_id) VALUES (${i!.id}, ${store!.id})`;
      }
    }
    await seedSendsDemo({ accountId: account.id, partnerAccountId: account.id, userIdOf: () => actors.operator.userId });
    const rows = await sql<{ name: string; state: string; started: boolean; invalid: number; duplicates: number }[]>`
      SELECT c.name, CASE WHEN c.status = 'draft' THEN 'draft' ELSE r.state::text END AS state,
             (r.generation_started_at IS NOT NULL) AS started, c.audience_invalid AS invalid, c.audience_duplicates AS duplicates
      FROM send_configs c LEFT JOIN LATERAL (SELECT * FROM send_runs WHERE config_id = c.id ORDER BY scheduled_at LIMIT 1) r ON true
      WHERE c.account_id = ${account.id} ORDER BY c.created_at`;
    expect(rows.map((r) => [r.name, r.state, r.started])).toEqual([
      ['Lançamento Coleção Verão', 'draft', false],
      ['Black Friday Automação', 'scheduled', false],
      ['Novidades da semana', 'awaiting_confirmation', false],
      ['Reativação de clientes', 'processing', false],
      ['Cupom relâmpago', 'in_progress', false],
      ['Aviso de frete grátis', 'in_progress', true],
      ['Boas-vindas de outubro', 'done', true],
      ['Promo Dia das Mães', 'failed', false],
      ['Liquidação de inverno', 'aborted', false],
      ['Pesquisa de satisfação', 'cancelled', false],
    ]);
    expect(rows[0]).toMatchObject({ invalid: 3, duplicates: 1 });
  });
});

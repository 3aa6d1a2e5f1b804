import { Readable } from 'node:stream';
import { getSql } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { importAudience } from '@/lib/sends/audience';
import { createConfig } from '@/lib/sends/service';
import type { ConfigInput } from '@/lib/sends/schemas';

/** A store served by connected sandbox instances with the given send intervals (ms). */
export async function createStoreWithInstances(accountId: string, intervals: number[] = [1000]) {
  const sql = getSql();
  const [store] = await sql<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${accountId}, 'Loja Teste') RETURNING id`;
  const instanceIds: string[] = [];
  for (const [i, interval] of intervals.entries()) {
    const [inst] = await sql<{ id: string }[]>`
      INSERT INTO instances (account_id, name, phone_number, provider, send_interval_ms, status)
      VALUES (${accountId}, ${`Instância ${i + 1}`}, ${`+551190000000${i}`}, 'sandbox', ${interval}, 'connected') RETURNING id`;
    await sql`INSERT INTO instance_stores (instance_id, store_id) VALUES (${inst!.id}, ${store!.id})`;
    instanceIds.push(inst!.id);
  }
  return { storeId: store!.id, instanceIds };
}

/** n distinct valid Brazilian mobile numbers as CSV lines "telefone,nome,cupom". */
export function audienceCsv(n: number, extra: string[] = []): string {
  const lines = ['telefone,nome,cupom'];
  for (let i = 0; i < n; i++) lines.push(`+55119${String(10000000 + i).padStart(8, '0')},Pessoa ${i},C${i}`);
  return [...lines, ...extra].join('\n') + '\n';
}

/** A draft with an imported audience of `recipients` people. */
export async function createDraft(actor: Actor, storeId: string, recipients: number, overrides: Partial<ConfigInput> = {}) {
  const { id } = await createConfig(actor, { name: 'Black Friday', storeId, body: 'Olá {{nome}}, cupom {{cupom}}', scheduleKind: 'now', ...overrides });
  await importAudience(id, Readable.from([audienceCsv(recipients)]), 'audiencia.csv');
  return id;
}

export async function runOf(configId: string) {
  const [run] = await getSql()<{ id: string; state: string; generated: number; total: number; generationStartedAt: Date | null; abortRequestedAt: Date | null }[]>`
    SELECT id, state, generated, total, generation_started_at AS "generationStartedAt", abort_requested_at AS "abortRequestedAt"
    FROM send_runs WHERE config_id = ${configId} ORDER BY scheduled_at, created_at LIMIT 1`;
  return run!;
}

export async function messageCount(runId: string): Promise<number> {
  const [{ n }] = await getSql()<{ n: number }[]>`SELECT count(*)::int AS n FROM messages WHERE source_kind = 'send' AND source_id = ${runId}`;
  return n;
}

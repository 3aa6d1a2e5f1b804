import { Readable } from 'node:stream';
import { getSql } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { importAudience } from '@/lib/sends/audience';
import { CONFIG_COLUMNS, completeRuns, createRun, failRun, generateRun, processRun, startRun, type ConfigRow } from '@/lib/sends/lifecycle';
import { abortConfig, createConfig } from '@/lib/sends/service';
import type { ConfigInput } from '@/lib/sends/schemas';
import type { DemoContext } from './seed';

const FIRST = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elisa', 'Fábio', 'Gabi', 'Heitor', 'Iara', 'João', 'Luana', 'Marcos'];
const DDD = [11, 21, 31, 41, 48, 51, 61, 71, 81, 85];
const HOUR = 3_600_000;

/** A CSV of `n` people (Brazilian mobiles), plus a few bad and repeated lines for the error report. */
function demoCsv(n: number, seed: number): string {
  const lines = ['telefone,nome,cupom'];
  for (let i = 0; i < n; i++) {
    const digits = String(seed * 100_000 + i).padStart(8, '0');
    lines.push(`(${DDD[i % DDD.length]}) 9${digits.slice(0, 4)}-${digits.slice(4)},${FIRST[i % FIRST.length]} ${i + 1},DEMO${seed}${i}`);
  }
  lines.push('1234,Número curto,X', ',Sem telefone,X', lines[1]!, 'linha,com,colunas,demais');
  return lines.join('\n') + '\n';
}

/**
 * Send configurations in every state on "Automação #1" (and one on "Moda Praia"): a draft with a
 * few bad lines, one SCHEDULED for tomorrow, one waiting for a confirmation (issue 7), one in
 * PROCESANDO, one IN-PROGRESS before generation, one IN-PROGRESS sending through the demo
 * instances, and Concluído, Falhou, Abortado and Cancelado ones. The half-way ones are picked up
 * by the workers once they are STALE_RUN_MS old, so the demo shows them moving on.
 */
export async function seedSendsDemo(ctx: DemoContext): Promise<void> {
  const sql = getSql();
  const [automacao] = await sql<{ id: string }[]>`SELECT id FROM stores WHERE account_id = ${ctx.accountId} AND name = 'Automação #1'`;
  const [praia] = await sql<{ id: string }[]>`SELECT id FROM stores WHERE account_id = ${ctx.accountId} AND name = 'Moda Praia'`;
  if (!automacao || !praia) return; // the queue seeder makes the stores
  const operator: Actor = { userId: ctx.userIdOf('operator@demo.test'), accountId: ctx.accountId, role: 'operator', isPlatformAdmin: false };
  let seed = 0;

  const draft = async (name: string, n: number, extra: Partial<ConfigInput> = {}) => {
    const { id } = await createConfig(operator, {
      name,
      storeId: automacao.id,
      body: 'Olá {{nome}}! Seu cupom {{cupom}} vale até domingo na Automação #1.',
      scheduleKind: 'now',
      ...extra,
    });
    await importAudience(id, Readable.from([demoCsv(n, ++seed)]), `${name.toLowerCase().replace(/\W+/g, '-')}.csv`);
    return id;
  };
  /** Confirms by the operator with the first run due at `at` (no pg-boss here: the tick picks it up). */
  const confirm = async (configId: string, at: Date) => {
    await sql`UPDATE send_configs SET status = 'active', confirmed_by = ${operator.userId}, confirmed_at = ${now()} WHERE id = ${configId}`;
    return sql.begin(async (tx) => {
      const [config] = await tx.unsafe<ConfigRow[]>(`SELECT ${CONFIG_COLUMNS} FROM send_configs c WHERE c.id = $1`, [configId]);
      return createRun(tx, config!, at, operator.userId);
    });
  };
  const started = async (name: string, n: number, extra: Partial<ConfigInput> = {}) => {
    const id = await draft(name, n, extra);
    const runId = await confirm(id, now());
    await startRun(runId);
    return { id, runId };
  };

  await draft('Lançamento Coleção Verão', 120);
  await confirm(await draft('Black Friday Automação', 250), new Date(now().getTime() + 24 * HOUR));
  const weekly = await draft('Novidades da semana', 90, { scheduleKind: 'weekly', scheduleTime: '10:00', scheduleWeekdays: [1] });
  await sql`UPDATE send_configs SET confirm_each_run = true WHERE id = ${weekly}`;
  await sql`UPDATE send_configs SET status = 'active' WHERE id = ${weekly}`;
  await sql.begin(async (tx) => {
    const [config] = await tx.unsafe<ConfigRow[]>(`SELECT ${CONFIG_COLUMNS} FROM send_configs c WHERE c.id = $1`, [weekly]);
    await createRun(tx, config!, new Date(now().getTime() + 72 * HOUR), null);
  });

  await started('Reativação de clientes', 180); // PROCESANDO
  const before = await started('Cupom relâmpago', 60);
  await processRun(before.runId); // IN-PROGRESS, generation not started

  const sending = await started('Aviso de frete grátis', 300);
  await processRun(sending.runId);
  await generateRun(sending.runId); // IN-PROGRESS, messages in the demo queues

  const done = await started('Boas-vindas de outubro', 40);
  await processRun(done.runId);
  await generateRun(done.runId);
  await sql`UPDATE messages SET state = 'sent', sent_at = ${now()} WHERE source_kind = 'send' AND source_id = ${done.runId}`;
  await completeRuns(); // → Concluído

  const failed = await started('Promo Dia das Mães', 30, { storeId: praia.id });
  await failRun(failed.runId, 'O provedor recusou as credenciais da instância.');

  const aborted = await draft('Liquidação de inverno', 70);
  await confirm(aborted, new Date(now().getTime() + 48 * HOUR));
  await abortConfig(operator, aborted); // SCHEDULED → Abortado

  const cancelled = await started('Pesquisa de satisfação', 50);
  await abortConfig(operator, cancelled.id); // recorded during PROCESANDO
  await processRun(cancelled.runId); // → Cancelado
}

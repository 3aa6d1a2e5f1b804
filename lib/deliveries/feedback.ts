import type { Sql, TransactionSql } from 'postgres';
import { getProvider, type ProviderKind } from '@/lib/providers';

/**
 * The seed's two tables ("Com o serviço de feedback" / "Sem Serviço de feedback") as one SQL
 * classification of a send message's log status. A message is judged by whether its instance's
 * provider reports receipts (`fb`):
 *
 * | step                                  | with feedback                | without feedback            |
 * |---------------------------------------|------------------------------|-----------------------------|
 * | handed to the provider                | Pendente (0% delivered)      | Enviada (100% delivered)    |
 * | hard failure (send refused, receipt)  | Com falha (errors ↑)         | Com falha (delivered ↓, errors ↑) |
 * | temporary failure, retrying           | Com falha (errors ↑)         | Enviada (no change)         |
 * | a retry succeeds                      | Pendente → Enviada on receipt (delivered ↑, errors ↓) | Enviada (no change) |
 * | retries fail / validity period over   | Com falha (no change)        | Com falha (delivered ↓, errors ↑) |
 *
 * A message is "retrying" while it waits in the queue after a failed attempt, or after the queue
 * gave up on a temporary failure while its validity period is still open (validity.ts requeues it).
 * Percentages are over the messages handed to the provider at least once ("Enviadas").
 */
export const LOG_STATUSES = ['pending', 'sent', 'failed'] as const;
export type LogStatus = (typeof LOG_STATUSES)[number];

/** SQL over message `m`: handed to the provider at least once (counts in "Enviadas"). */
export const ATTEMPTED = `(m.state IN ('sent', 'failed') OR (m.state = 'queued' AND m.attempts > 0) OR (m.state = 'processing' AND m.attempts > 1))`;

/**
 * SQL over message `m`: it failed on a temporary error and its validity period (the SQL interval
 * `validity`, counted from its first attempt) is still open at `at`.
 */
export function awaitingRetry(validity: string, at: string): string {
  return `(m.state = 'failed'
    AND EXISTS (SELECT 1 FROM message_attempts a WHERE a.message_id = m.id AND a.attempt = m.attempts AND a.outcome = 'transient')
    AND (SELECT f.started_at FROM message_attempts f WHERE f.message_id = m.id AND f.attempt = 1) + ${validity} > ${at})`;
}

/** SQL: the log status ('pending' | 'sent' | 'failed') of message `m` given boolean `fb`; NULL = not handed over yet. */
export function logStatus(validity: string, at: string): string {
  const retrying = `((m.state = 'queued' AND m.attempts > 0) OR (m.state = 'processing' AND m.attempts > 1) OR ${awaitingRetry(validity, at)})`;
  return `CASE
    WHEN m.state = 'removed' OR NOT ${ATTEMPTED} THEN NULL
    WHEN m.state = 'sent' THEN CASE
      WHEN m.delivery_status = 'failed' THEN 'failed'
      WHEN m.delivery_status IN ('delivered', 'read') THEN 'sent'
      WHEN fb THEN 'pending' ELSE 'sent' END
    WHEN ${retrying} THEN CASE WHEN fb THEN 'failed' ELSE 'sent' END
    ELSE 'failed' END`;
}

/** The instances of an account whose provider reports receipts (few rows; decided by each provider). */
export async function feedbackInstanceIds(sql: Sql | TransactionSql, accountId: string): Promise<string[]> {
  const rows = await sql<{ id: string; provider: ProviderKind; config: Record<string, unknown> }[]>`
    SELECT id, provider, provider_config AS config FROM instances WHERE account_id = ${accountId}`;
  return rows
    .filter((r) => {
      try {
        return getProvider(r.provider).reportsReceipts({ id: r.id, phoneNumber: '', config: r.config, secret: null });
      } catch {
        return false; // a config that no longer parses sends nothing, so it reports nothing either
      }
    })
    .map((r) => r.id);
}

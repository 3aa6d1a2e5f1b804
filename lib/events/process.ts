import 'server-only';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { TransactionSql } from 'postgres';
import { getSql } from '@/db/client';
import { conversionsFromStoreEvents } from '@/lib/conversions/from-store-event';
import { now } from '@/lib/clock';
import { enqueueMessages, soonestInstanceForStore, type NewMessage } from '@/lib/queue/enqueue';
import { parseTemplate, renderSegments } from '@/lib/templates/render';
import { pickTemplate, type TemplateCandidate } from '@/lib/templates/lookup';
import type { EventStatus } from './schemas';

interface PendingEvent {
  id: string;
  account_id: string;
  store_id: string;
  external_id: string;
  type: string;
  occurred_at: Date;
  contact_phone: string;
  contact_name: string | null;
  contact_email: string | null;
  data: Record<string, unknown>;
}

interface Outcome {
  id: string;
  status: EventStatus;
  reason: string | null;
  template_id: string | null;
  message_id: string | null;
  instance_id: string | null;
}

/** E.164 or null; numbers without a country code are read as Brazilian. */
export function toE164(phone: string): string | null {
  const parsed = parsePhoneNumberFromString(phone, 'BR');
  return parsed?.isValid() ? parsed.number : null;
}

export const REASON_INVALID_PHONE = 'Número de telefone inválido (não normalizável para E.164).';
export const REASON_NO_INSTANCE = 'Nenhuma instância conectada e ativa atende esta loja.';
export const REASON_NO_TEMPLATE = 'Nenhum modelo ativo para este tipo de evento.';

/**
 * One chunk of Message Center processing, in one transaction: claims up to `limit` pending events of
 * a channel (SKIP LOCKED), links each to its template (store's own, else account-wide), renders it,
 * enqueues the messages on each store's soonest-draining instance, and records every outcome with
 * one UPDATE. Returns how many events it handled. `scope` limits it to one account (tests, tools).
 */
export async function processPendingChunk(channel: 'rt' | 'batch', limit: number, scope: { accountId?: string } = {}): Promise<number> {
  return getSql().begin(async (tx) => {
    const events = await tx<PendingEvent[]>`
      SELECT id, account_id, store_id, external_id, type, occurred_at, contact_phone, contact_name, contact_email, data
      FROM events WHERE status = 'pending' AND channel = ${channel} ${scope.accountId ? tx`AND account_id = ${scope.accountId}` : tx``}
      ORDER BY received_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    if (events.length === 0) return 0;
    const at = now();
    const templates = await loadTemplates(tx, events);
    const storeNames = new Map(
      (await tx<{ id: string; name: string }[]>`SELECT id, name FROM stores WHERE id IN ${tx([...new Set(events.map((e) => e.store_id))])}`).map((s) => [s.id, s.name]),
    );
    const instanceOf = new Map<string, string | null>();
    const parsedOf = new Map<string, ReturnType<typeof parseTemplate>>();
    const outcomes: Outcome[] = [];
    const messages: (NewMessage & { eventIndex: number })[] = [];
    for (const e of events) {
      const base = { id: e.id, template_id: null, message_id: null, instance_id: null };
      const template = pickTemplate(templates, e.account_id, e.store_id, e.type);
      if (!template) {
        outcomes.push({ ...base, status: 'not_considered', reason: REASON_NO_TEMPLATE });
        continue;
      }
      const phone = toE164(e.contact_phone);
      if (!phone) {
        outcomes.push({ ...base, template_id: template.id, status: 'ignored', reason: REASON_INVALID_PHONE });
        continue;
      }
      if (!instanceOf.has(e.store_id)) instanceOf.set(e.store_id, await soonestInstanceForStore(e.account_id, e.store_id, tx));
      const instanceId = instanceOf.get(e.store_id)!;
      if (!instanceId) {
        outcomes.push({ ...base, template_id: template.id, status: 'failed', reason: REASON_NO_INSTANCE });
        continue;
      }
      if (!parsedOf.has(template.id)) parsedOf.set(template.id, parseTemplate(template.body));
      const parsed = parsedOf.get(template.id)!;
      const body = parsed.ok
        ? renderSegments(parsed.segments, {
            contact: { name: e.contact_name, phone, email: e.contact_email },
            data: e.data,
            event: { type: e.type, externalId: e.external_id, occurredAt: e.occurred_at.toISOString() },
            store: { name: storeNames.get(e.store_id) },
          })
        : null;
      if (body === null || body.trim() === '') {
        outcomes.push({ ...base, template_id: template.id, status: 'not_considered', reason: 'O modelo gerou uma mensagem vazia ou inválida.' });
        continue;
      }
      outcomes.push({ ...base, template_id: template.id, instance_id: instanceId, status: 'pending_delivery', reason: null });
      messages.push({
        eventIndex: outcomes.length - 1,
        accountId: e.account_id,
        instanceId,
        storeId: e.store_id,
        recipient: phone,
        body,
        sourceKind: 'event',
        sourceLabel: e.type,
        sourceId: e.id,
        payload: { externalId: e.external_id, type: e.type, contact: { phone: e.contact_phone, name: e.contact_name, email: e.contact_email }, data: e.data },
      });
    }
    const messageIds = await enqueueMessages(messages, { at, sql: tx });
    messages.forEach((m, i) => (outcomes[m.eventIndex]!.message_id = messageIds[i]!));
    await tx`
      UPDATE events e SET status = v.status, status_reason = v.reason, template_id = v.template_id, message_id = v.message_id,
        instance_id = v.instance_id, processed_at = ${at},
        finished_at = CASE WHEN v.status = 'pending_delivery' THEN NULL ELSE ${at}::timestamptz END
      FROM jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb)
        AS v(id uuid, status event_status, reason text, template_id uuid, message_id uuid, instance_id uuid)
      WHERE e.id = v.id AND e.status = 'pending'`;
    await conversionsFromStoreEvents(events, tx); // store events mapped to ad-platform conversions (lib/conversions)
    return events.length;
  });
}

async function loadTemplates(tx: TransactionSql, events: PendingEvent[]): Promise<TemplateCandidate[]> {
  const accounts = [...new Set(events.map((e) => e.account_id))];
  const types = [...new Set(events.map((e) => e.type))];
  return tx<TemplateCandidate[]>`
    SELECT id, account_id AS "accountId", store_id AS "storeId", event_type AS "eventType", body
    FROM templates WHERE active AND account_id IN ${tx(accounts)} AND event_type IN ${tx(types)}`;
}

/** Drains a channel chunk by chunk until nothing is pending (one job at a time per channel). */
export async function drainPending(channel: 'rt' | 'batch', chunk: number): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await processPendingChunk(channel, chunk);
    total += n;
    if (n < chunk) return total;
  }
}

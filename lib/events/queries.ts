import 'server-only';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import type { EventStatus, EventView } from './schemas';
import { buildTimeline, type TimelineSource } from './timeline';

export interface EventDetail extends TimelineSource {
  id: string;
  accountId: string;
  storeId: string;
  storeName: string;
  externalId: string;
  type: string;
  channel: 'rt' | 'batch';
  occurredAt: Date;
  contactPhone: string;
  contactName: string | null;
  contactEmail: string | null;
  data: Record<string, unknown>;
  templateId: string | null;
  messageId: string | null;
  instanceId: string | null;
  messageBody: string | null;
  messageState: string | null;
}

/** One event with what its timeline needs, scoped to an account (and a store, for the API). */
async function loadEvent(accountId: string, id: string, storeId?: string): Promise<EventDetail> {
  const [row] = await getSql()<EventDetail[]>`
    SELECT e.id, e.account_id AS "accountId", e.store_id AS "storeId", s.name AS "storeName", e.external_id AS "externalId",
      e.type, e.channel, e.occurred_at AS "occurredAt", e.received_at AS "receivedAt", e.processed_at AS "processedAt",
      e.finished_at AS "finishedAt", e.status, e.status_reason AS "statusReason", e.contact_phone AS "contactPhone",
      e.contact_name AS "contactName", e.contact_email AS "contactEmail", e.data, e.template_id AS "templateId",
      t.name AS "templateName", e.message_id AS "messageId", e.instance_id AS "instanceId", i.name AS "instanceName",
      m.enqueued_at AS "messageEnqueuedAt", m.body AS "messageBody", m.state AS "messageState"
    FROM events e JOIN stores s ON s.id = e.store_id
    LEFT JOIN templates t ON t.id = e.template_id
    LEFT JOIN messages m ON m.id = e.message_id
    LEFT JOIN instances i ON i.id = e.instance_id
    WHERE e.id = ${id} AND e.account_id = ${accountId} ${storeId ? getSql()`AND e.store_id = ${storeId}` : getSql()``}`;
  if (!row) throw notFound('Evento');
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getEventDetail(actor: Actor, id: string): Promise<EventDetail> {
  assertCan(actor, 'viewAccount');
  if (!UUID.test(id)) throw notFound('Evento');
  return loadEvent(actor.accountId, id);
}

/** GET /api/v1/events/<id>: only the calling store's events. */
export async function getEventViewForStore(who: { accountId: string; storeId: string }, id: string): Promise<EventView> {
  if (!UUID.test(id)) throw notFound('Evento');
  const e = await loadEvent(who.accountId, id, who.storeId);
  return {
    id: e.id,
    externalId: e.externalId,
    type: e.type,
    status: e.status as EventStatus,
    statusReason: e.statusReason,
    receivedAt: e.receivedAt.toISOString(),
    messageId: e.messageId,
    timeline: buildTimeline(e).map((s) => ({ ...s, at: s.at.toISOString() })),
  };
}

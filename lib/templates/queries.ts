import 'server-only';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';

export interface TemplateRow {
  id: string;
  name: string;
  storeId: string | null;
  storeName: string | null;
  eventType: string;
  body: string;
  active: boolean;
  updatedAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listTemplates(actor: Actor): Promise<TemplateRow[]> {
  assertCan(actor, 'viewAccount');
  return getSql()<TemplateRow[]>`
    SELECT t.id, t.name, t.store_id AS "storeId", s.name AS "storeName", t.event_type AS "eventType", t.body, t.active, t.updated_at AS "updatedAt"
    FROM templates t LEFT JOIN stores s ON s.id = t.store_id
    WHERE t.account_id = ${actor.accountId}
    ORDER BY t.event_type, s.name NULLS FIRST, t.name, t.id`;
}

export async function getTemplate(actor: Actor, id: string): Promise<TemplateRow> {
  assertCan(actor, 'viewAccount');
  if (!UUID.test(id)) throw notFound('Modelo');
  const [row] = await getSql()<TemplateRow[]>`
    SELECT t.id, t.name, t.store_id AS "storeId", s.name AS "storeName", t.event_type AS "eventType", t.body, t.active, t.updated_at AS "updatedAt"
    FROM templates t LEFT JOIN stores s ON s.id = t.store_id
    WHERE t.id = ${id} AND t.account_id = ${actor.accountId}`;
  if (!row) throw notFound('Modelo');
  return row;
}

/** Event types already seen or templated in the account, to suggest in the editor. */
export async function knownEventTypes(actor: Actor): Promise<string[]> {
  assertCan(actor, 'viewAccount');
  const rows = await getSql()<{ type: string }[]>`
    SELECT event_type AS type FROM templates WHERE account_id = ${actor.accountId}
    UNION SELECT DISTINCT type FROM (SELECT type FROM events WHERE account_id = ${actor.accountId} ORDER BY received_at DESC LIMIT 1000) recent
    ORDER BY 1`;
  return rows.map((r) => r.type);
}

import 'server-only';
import type { Sql, TransactionSql } from 'postgres';
import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { hashUserData } from './hashing';
import type { ConversionInput } from './schemas';
import type { ConversionStatus } from './states';

export interface AcceptedConversion {
  id: string;
  externalId: string;
  destinationId: string;
  status: ConversionStatus;
}

const fingerprint = (i: { eventName: string; eventTime: Date; eventId: string }) => `${i.eventName}|${i.eventTime.getTime()}|${i.eventId}`;

/**
 * Like the events API: an externalId already received (or repeated in this request) with another
 * event name, time or event_id is a 409, and nothing of the request is written.
 */
async function refuseConflicts(sql: Sql | TransactionSql, destinationIds: string[], inputs: ConversionInput[]): Promise<void> {
  const known = new Map<string, string>();
  const existing = await sql<{ externalId: string; eventName: string; eventTime: Date; eventId: string }[]>`
    SELECT DISTINCT ON (external_id) external_id AS "externalId", event_name AS "eventName", event_time AS "eventTime", event_id AS "eventId"
    FROM conversion_events WHERE destination_id = ANY(${destinationIds}::uuid[]) AND external_id = ANY(${inputs.map((i) => i.externalId)}::text[])`;
  for (const row of existing) known.set(row.externalId, fingerprint(row));
  for (const input of inputs) {
    const mine = fingerprint({ ...input, eventId: input.eventId ?? input.externalId });
    const first = known.get(input.externalId);
    if (first === undefined) known.set(input.externalId, mine);
    else if (first !== mine) {
      throw new AppError('CONFLICT', {
        message: `O externalId "${input.externalId}" já foi recebido com outro conteúdo.`,
        status: 409,
        fieldErrors: { externalId: [`"${input.externalId}" já existe com outro evento.`] },
      });
    }
  }
}

/**
 * Stores each event once per active destination of the store (or only `destinationIds`), in
 * Enviando and due now. Idempotent on (destination, externalId): a replay creates nothing and
 * answers the rows the first call made; the same externalId with another event is a 409. User data is hashed here, so no raw e-mail or phone is kept.
 */
export async function ingestConversions(
  target: { accountId: string; storeId: string; destinationIds?: string[] },
  inputs: ConversionInput[],
  sql: Sql | TransactionSql = getSql(),
): Promise<{ created: number; destinationIds: string[]; conversions: AcceptedConversion[] }> {
  const destinations = await sql<{ id: string }[]>`
    SELECT id FROM conversion_destinations
    WHERE account_id = ${target.accountId} AND store_id = ${target.storeId} AND active
      ${target.destinationIds ? sql`AND id = ANY(${target.destinationIds}::uuid[])` : sql``}`;
  if (destinations.length === 0) {
    if (target.destinationIds) return { created: 0, destinationIds: [], conversions: [] };
    throw new AppError('NO_CONVERSION_DESTINATION', { message: 'Esta loja não tem nenhum destino de conversão ativo. Cadastre um em "Destinos de conversão" na página da loja.', status: 422 });
  }
  const destinationIds = destinations.map((d) => d.id);
  const at = now();
  const col = <T>(f: (i: ConversionInput) => T) => inputs.map(f);
  await refuseConflicts(sql, destinationIds, inputs);
  const inserted = await sql<{ id: string }[]>`
    INSERT INTO conversion_events (account_id, store_id, destination_id, external_id, event_id, event_name, event_time,
      action_source, event_source_url, user_data, custom_data, status, next_attempt_at, created_at)
    SELECT ${target.accountId}, ${target.storeId}, d.id, i.external_id, i.event_id, i.event_name, i.event_time,
      i.action_source, i.event_source_url, i.user_data::jsonb, i.custom_data::jsonb, 'sending', ${at}, ${at}
    FROM unnest(
      ${col((i) => i.externalId)}::text[], ${col((i) => i.eventId ?? i.externalId)}::text[], ${col((i) => i.eventName)}::text[],
      ${col((i) => i.eventTime.toISOString())}::timestamptz[], ${col((i) => i.actionSource)}::text[], ${col((i) => i.eventSourceUrl ?? null)}::text[],
      ${col((i) => JSON.stringify(hashUserData(i.user)))}::text[], ${col((i) => JSON.stringify(i.customData ?? {}))}::text[]
    ) AS i(external_id, event_id, event_name, event_time, action_source, event_source_url, user_data, custom_data)
    CROSS JOIN unnest(${destinationIds}::uuid[]) AS d(id)
    ON CONFLICT (destination_id, external_id) DO NOTHING
    RETURNING id`;
  const conversions = await sql<AcceptedConversion[]>`
    SELECT id, external_id AS "externalId", destination_id AS "destinationId", status FROM conversion_events
    WHERE destination_id = ANY(${destinationIds}::uuid[]) AND external_id = ANY(${col((i) => i.externalId)}::text[])
    ORDER BY external_id, destination_id`;
  return { created: inserted.length, destinationIds, conversions };
}

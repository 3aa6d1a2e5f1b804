import 'server-only';
import type { Sql, TransactionSql } from 'postgres';
import { getSql } from '@/db/client';
import type { StoreIdentity } from '@/lib/api/store-auth';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { bodyHash } from './hash';
import { BATCH_EVENTS_JOB, RT_EVENTS_JOB, kickProcessing } from './kick';
import type { EventInput } from './schemas';

/**
 * Stores accepted events in one transaction (all or nothing) and returns their ids in input order.
 * Idempotent on (store, externalId): the same body again returns the first id and writes nothing;
 * another body under a known externalId is a 409 and nothing of the request is written.
 */
export async function acceptEvents(who: StoreIdentity, inputs: EventInput[], channel: 'rt' | 'batch', opts: { kick?: boolean } = {}): Promise<string[]> {
  const receivedAt = now();
  const rows = inputs.map((e) => ({
    account_id: who.accountId,
    store_id: who.storeId,
    external_id: e.externalId,
    type: e.type,
    channel,
    occurred_at: new Date(e.occurredAt),
    received_at: receivedAt,
    contact_phone: e.contact.phone,
    contact_name: e.contact.name ?? null,
    contact_email: e.contact.email ?? null,
    data: JSON.stringify(e.data),
    body_hash: bodyHash(e),
  }));
  // One event is one statement, atomic by itself: no BEGIN/COMMIT round trips on the hot path.
  const write = <T>(run: (tx: Sql | TransactionSql) => Promise<T>) => (rows.length === 1 ? run(getSql()) : getSql().begin((tx) => run(tx)));
  const ids = await write(async (tx) => {
    const inserted = await tx<{ id: string; external_id: string }[]>`
      INSERT INTO events ${tx(rows)} ON CONFLICT (store_id, external_id) DO NOTHING RETURNING id, external_id`;
    const byExternal = new Map(inserted.map((r) => [r.external_id, { id: r.id, hash: null as string | null }]));
    const known = rows.filter((r) => !byExternal.has(r.external_id)).map((r) => r.external_id);
    if (known.length > 0) {
      const existing = await tx<{ id: string; external_id: string; body_hash: string }[]>`
        SELECT id, external_id, body_hash FROM events WHERE store_id = ${who.storeId} AND external_id IN ${tx(known)}`;
      for (const r of existing) byExternal.set(r.external_id, { id: r.id, hash: r.body_hash });
    }
    // Within one request a repeated externalId is compared with its first occurrence.
    const firstHash = new Map<string, string>();
    return rows.map((r) => {
      const hit = byExternal.get(r.external_id)!;
      const reference = hit.hash ?? firstHash.get(r.external_id) ?? r.body_hash;
      firstHash.set(r.external_id, reference);
      if (reference !== r.body_hash) {
        throw new AppError('CONFLICT', {
          message: `O externalId "${r.external_id}" já foi recebido com outro conteúdo.`,
          status: 409,
          fieldErrors: { externalId: [`"${r.external_id}" já existe com outro corpo.`] },
        });
      }
      return hit.id;
    });
  });
  // The demo seeder runs before any worker exists; the workers' minute sweep picks its events up.
  if (opts.kick !== false) kickProcessing(channel === 'rt' ? RT_EVENTS_JOB : BATCH_EVENTS_JOB);
  return ids;
}

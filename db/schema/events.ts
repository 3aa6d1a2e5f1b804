import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accountIdColumn } from './accounts';
import { id, tstz } from './_helpers';
import { storeIdColumn } from './stores';

/** SPEC §3's six statuses (labels in messages/<locale>/events.json). */
export const eventStatusEnum = pgEnum('event_status', ['pending', 'pending_delivery', 'sent', 'ignored', 'failed', 'not_considered']);
export const eventChannelEnum = pgEnum('event_channel', ['rt', 'batch']);

/**
 * A transactional event received from a store. Idempotent on (store, external_id): `body_hash` tells
 * a replay (same body, same answer) from a conflict (409). The timeline is read from the received /
 * processed / finished times here and the linked message's own times.
 */
export const events = pgTable(
  'events',
  {
    id: id(),
    accountId: accountIdColumn(),
    storeId: storeIdColumn(),
    externalId: text('external_id').notNull(),
    type: text('type').notNull(),
    channel: eventChannelEnum('channel').notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    receivedAt: tstz('received_at').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    bodyHash: text('body_hash').notNull(),
    status: eventStatusEnum('status').notNull().default('pending'),
    statusReason: text('status_reason'),
    templateId: uuid('template_id'),
    /** No foreign keys: messages and events are archived in separate batches. */
    messageId: uuid('message_id'),
    instanceId: uuid('instance_id'),
    processedAt: tstz('processed_at'),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    uniqueIndex('events_store_external_key').on(t.storeId, t.externalId),
    index('events_list_idx').on(t.accountId, t.receivedAt, t.id),
    index('events_pending_idx').on(t.channel, t.receivedAt).where(sql`status = 'pending'`),
    index('events_sync_idx').on(t.messageId).where(sql`status IN ('pending_delivery', 'ignored') AND message_id IS NOT NULL`),
    index('events_archive_idx').on(t.receivedAt).where(sql`status NOT IN ('pending', 'pending_delivery')`),
  ],
);

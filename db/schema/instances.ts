import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { accountIdColumn } from './accounts';
import { createdAt, id, tstz } from './_helpers';
import { storeIdColumn } from './stores';

export const providerEnum = pgEnum('provider_kind', ['sandbox', 'whatsapp_cloud', 'http']);
export const instanceStatusEnum = pgEnum('instance_status', ['connected', 'disconnected']);

/**
 * One sending number. Pacing lives here: the dispatcher claims an instance only when
 * `next_send_at <= now` and nothing is in flight, then sets `next_send_at = now + interval`.
 * `queued_count` is kept by statement-level triggers on `messages` (see migration 0002).
 */
export const instances = pgTable(
  'instances',
  {
    id: id(),
    accountId: accountIdColumn(),
    name: text('name').notNull(),
    phoneNumber: text('phone_number').notNull(),
    provider: providerEnum('provider').notNull(),
    /** Non-secret provider settings (zod-checked per provider in lib/providers/config.ts). */
    providerConfig: jsonb('provider_config').$type<Record<string, unknown>>().notNull().default({}),
    /** Token or signing secret, sealed with lib/crypto; never sent to the browser whole. */
    providerSecret: text('provider_secret'),
    sendIntervalMs: integer('send_interval_ms').notNull(),
    dailyLimit: integer('daily_limit'),
    status: instanceStatusEnum('status').notNull().default('disconnected'),
    statusReason: text('status_reason'),
    paused: boolean('paused').notNull().default(false),
    nextSendAt: tstz('next_send_at').notNull().default(sql`'1970-01-01T00:00:00Z'`),
    inFlightMessageId: uuid('in_flight_message_id'),
    queuedCount: integer('queued_count').notNull().default(0),
    createdAt: createdAt(),
    deletedAt: tstz('deleted_at'),
  },
  (t) => [index('instances_account_idx').on(t.accountId, t.name)],
);

/** Which stores an instance serves (many-to-many). */
export const instanceStores = pgTable(
  'instance_stores',
  {
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => instances.id, { onDelete: 'cascade' }),
    storeId: storeIdColumn(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.instanceId, t.storeId] }), index('instance_stores_store_idx').on(t.storeId)],
);

/**
 * Daily rollup per instance. A day starts at POMBO_DAILY_RESET_UTC_HOUR (21:00 UTC by default);
 * the 7-day chart and "today" read it, and archiving never touches it.
 */
export const instanceDailyStats = pgTable(
  'instance_daily_stats',
  {
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => instances.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    sent: integer('sent').notNull().default(0),
    failed: integer('failed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.instanceId, t.day] })],
);

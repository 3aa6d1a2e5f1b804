import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accountIdColumn } from './accounts';
import { createdAt, id, tstz } from './_helpers';
import { storeIdColumn } from './stores';

export const conversionDestinationKindEnum = pgEnum('conversion_destination_kind', ['meta', 'http', 'sandbox']);
export const conversionStatusEnum = pgEnum('conversion_status', ['sending', 'succeeded', 'failed', 'waiting_retry', 'resending']);

/** Where a store's conversion events go ("Destinos de conversão"). */
export const conversionDestinations = pgTable(
  'conversion_destinations',
  {
    id: id(),
    accountId: accountIdColumn(),
    storeId: storeIdColumn(),
    kind: conversionDestinationKindEnum('kind').notNull(),
    name: text('name').notNull(),
    /** Non-secret settings, zod-checked per kind in lib/conversions/schemas.ts. */
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    /** Access token (Meta) or signing secret (http), sealed with lib/crypto. */
    secret: text('secret'),
    /** Store event type → conversion event name (e.g. order.paid → Purchase). */
    mappings: jsonb('mappings').$type<{ storeEventType: string; eventName: string }[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('conversion_destinations_store_idx').on(t.storeId, t.name)],
);

/**
 * One conversion event for one destination. The retry schedule lives here: a waiting event is due
 * at `next_attempt_at` (its last attempt + POMBO_RETRY_INTERVAL_MINUTES). A delivery holds
 * `claim_token` while it calls the platform; completion only applies under the same token, and the
 * sweep gives back claims older than the lease (a crashed worker).
 */
export const conversionEvents = pgTable(
  'conversion_events',
  {
    id: id(),
    accountId: accountIdColumn(),
    storeId: uuid('store_id').notNull(),
    destinationId: uuid('destination_id')
      .notNull()
      .references(() => conversionDestinations.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    /** Sent to the platform as event_id (deduplication). */
    eventId: text('event_id').notNull(),
    eventName: text('event_name').notNull(),
    eventTime: tstz('event_time').notNull(),
    actionSource: text('action_source').notNull().default('website'),
    eventSourceUrl: text('event_source_url'),
    /** Already normalised and SHA-256 hashed where the platform requires it: no raw e-mail or phone is stored. */
    userData: jsonb('user_data').$type<Record<string, unknown>>().notNull().default({}),
    customData: jsonb('custom_data').$type<Record<string, unknown>>().notNull().default({}),
    status: conversionStatusEnum('status').notNull().default('sending'),
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull(),
    lastAttemptAt: tstz('last_attempt_at'),
    claimToken: uuid('claim_token'),
    claimedAt: tstz('claimed_at'),
    lastError: text('last_error'),
    lastHttpStatus: integer('last_http_status'),
    /** Why it ended in Falha ("expirado" past the platform's window). */
    failureReason: text('failure_reason'),
    createdAt: createdAt(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    uniqueIndex('conversion_events_idem_idx').on(t.destinationId, t.externalId),
    index('conversion_events_list_idx').on(t.accountId, t.createdAt, t.id),
    index('conversion_events_status_idx').on(t.accountId, t.status),
    index('conversion_events_due_idx').on(t.destinationId, t.nextAttemptAt).where(sql`status IN ('sending', 'waiting_retry') AND claim_token IS NULL`),
    index('conversion_events_claimed_idx').on(t.claimedAt).where(sql`claim_token IS NOT NULL`),
  ],
);

/** Every call to a platform for an event: time, HTTP status, platform error, duration. */
export const conversionAttempts = pgTable(
  'conversion_attempts',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => conversionEvents.id, { onDelete: 'cascade' }),
    attempt: smallint('attempt').notNull(),
    startedAt: tstz('started_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    outcome: text('outcome').$type<'success' | 'permanent' | 'transient' | 'expired' | 'lease_expired'>().notNull(),
    httpStatus: integer('http_status'),
    error: text('error'),
    manual: boolean('manual').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.attempt] })],
);

import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from './_helpers';

export const messageStateEnum = pgEnum('message_state', ['queued', 'processing', 'sent', 'failed', 'removed']);
export const messageSourceEnum = pgEnum('message_source', ['event', 'send', 'test']);
export const deliveryStatusEnum = pgEnum('delivery_status', ['pending', 'delivered', 'read', 'failed']);

/**
 * The send queue is this table; pg-boss only schedules the dispatcher. Order is
 * (enqueued_at, id); `available_at` holds a retry back; `attempts` doubles as the claim's fencing
 * token. Removed messages stay (who, when, why) until archived.
 */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    /**
     * No foreign keys on account and instance on purpose: this is the hot table (a send generates
     * a million rows, a rebalance moves them between instances) and each row's key check would lock
     * and probe its account and instance again, about half the cost of an insert. Services resolve
     * instances inside the actor's account before writing; instances are only soft-deleted.
     */
    accountId: uuid('account_id').notNull(),
    instanceId: uuid('instance_id').notNull(),
    /** No foreign key on purpose: deleting a store must not scan millions of messages. */
    storeId: uuid('store_id'),
    recipient: text('recipient').notNull(),
    body: text('body').notNull(),
    sourceKind: messageSourceEnum('source_kind').notNull(),
    sourceLabel: text('source_label').notNull(),
    sourceId: uuid('source_id'),
    payload: jsonb('payload').$type<unknown>(),
    state: messageStateEnum('state').notNull().default('queued'),
    attempts: smallint('attempts').notNull().default(0),
    enqueuedAt: tstz('enqueued_at').notNull(),
    availableAt: tstz('available_at').notNull(),
    claimedAt: tstz('claimed_at'),
    leaseExpiresAt: tstz('lease_expires_at'),
    claimedBy: text('claimed_by'),
    sentAt: tstz('sent_at'),
    failedAt: tstz('failed_at'),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'),
    deliveryStatus: deliveryStatusEnum('delivery_status'),
    deliveredAt: tstz('delivered_at'),
    readAt: tstz('read_at'),
    removedAt: tstz('removed_at'),
    /** The user who removed it (no foreign key: a clear of a million rows should not check each one). */
    removedBy: uuid('removed_by'),
    removedReason: text('removed_reason'),
    recoveredAt: tstz('recovered_at'),
    movedAt: tstz('moved_at'),
    movedFromInstanceId: uuid('moved_from_instance_id'),
  },
  (t) => [
    index('messages_queue_idx').on(t.instanceId, t.state, t.enqueuedAt, t.id),
    index('messages_lease_idx').on(t.leaseExpiresAt).where(sql`state = 'processing'`),
    index('messages_sent_idx').on(t.instanceId, t.sentAt).where(sql`state = 'sent'`),
  ],
);

/** One row per provider call (and per expired lease): the "Ver" timeline. */
export const messageAttempts = pgTable(
  'message_attempts',
  {
    /**
     * No foreign key on purpose: only archiving deletes messages, and it moves each batch's attempts
     * with them in the same statement; a cascade would run one trigger query per archived message.
     */
    messageId: uuid('message_id').notNull(),
    attempt: smallint('attempt').notNull(),
    instanceId: uuid('instance_id').notNull(),
    startedAt: tstz('started_at').notNull(),
    finishedAt: tstz('finished_at').notNull(),
    outcome: text('outcome').$type<'sent' | 'transient' | 'permanent' | 'auth' | 'lease_expired'>().notNull(),
    error: text('error'),
    httpStatus: integer('http_status'),
    workerId: text('worker_id'),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.attempt] })],
);

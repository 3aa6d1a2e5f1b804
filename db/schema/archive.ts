import { date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from './_helpers';

/**
 * Archived rows are kept whole as JSON (to_jsonb of the live row, messages with their attempts), so
 * the archive never falls out of step when a live table gains a column.
 */
export const eventsArchive = pgTable(
  'events_archive',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    receivedAt: tstz('received_at').notNull(),
    archivedAt: tstz('archived_at').notNull(),
    row: jsonb('row').notNull(),
  },
  (t) => [index('events_archive_account_idx').on(t.accountId, t.receivedAt)],
);

export const messagesArchive = pgTable(
  'messages_archive',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    enqueuedAt: tstz('enqueued_at').notNull(),
    archivedAt: tstz('archived_at').notNull(),
    row: jsonb('row').notNull(),
  },
  (t) => [index('messages_archive_account_idx').on(t.accountId, t.enqueuedAt)],
);

/** Per-day event counts by status, added to as events are archived, so totals survive archiving. */
export const eventDailyRollups = pgTable(
  'event_daily_rollups',
  {
    accountId: uuid('account_id').notNull(),
    storeId: uuid('store_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.storeId, t.day, t.status] })],
);

/** One row per archiving run (nightly or "Arquivar agora"), shown on /admin. */
export const archiveRuns = pgTable('archive_runs', {
  id: id(),
  trigger: text('trigger').$type<'cron' | 'manual'>().notNull(),
  state: text('state').$type<'running' | 'done' | 'failed'>().notNull().default('running'),
  cutoff: tstz('cutoff').notNull(),
  eventsMoved: integer('events_moved').notNull().default(0),
  messagesMoved: integer('messages_moved').notNull().default(0),
  durationMs: integer('duration_ms'),
  error: text('error'),
  startedAt: createdAt(),
  finishedAt: tstz('finished_at'),
});

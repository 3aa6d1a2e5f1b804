import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { accountIdColumn, users } from './accounts';
import { createdAt, id, tstz } from './_helpers';
import { storeIdColumn } from './stores';

/** A configuration is a draft until confirmed; then its runs carry the states (SPEC §5). */
export const sendConfigStatusEnum = pgEnum('send_config_status', ['draft', 'active', 'aborted', 'finished']);
export const sendScheduleKindEnum = pgEnum('send_schedule_kind', ['now', 'at', 'daily', 'weekly', 'cron']);
export const sendAudienceStateEnum = pgEnum('send_audience_state', ['empty', 'importing', 'ready', 'failed']);
/**
 * One run's lifecycle. `awaiting_confirmation` is reserved for recurring occurrences that ask for a
 * confirmation first (issue 7).
 */
export const sendRunStateEnum = pgEnum('send_run_state', [
  'awaiting_confirmation',
  'scheduled',
  'processing',
  'in_progress',
  'done',
  'failed',
  'aborted',
  'cancelled',
]);

export const sendConfigs = pgTable(
  'send_configs',
  {
    id: id(),
    accountId: accountIdColumn(),
    storeId: storeIdColumn(),
    name: text('name').notNull(),
    body: text('body').notNull().default(''),
    /** Set when the message is a template (no foreign key: templates are another feature's table). */
    templateId: uuid('template_id'),
    /** Chosen instances; empty means "the store's instances" at generation time. */
    instanceIds: uuid('instance_ids').array().notNull().default(sql`'{}'::uuid[]`),
    scheduleKind: sendScheduleKindEnum('schedule_kind').notNull().default('now'),
    scheduleAt: tstz('schedule_at'),
    /** "HH:mm" in `time_zone` for daily and weekly schedules. */
    scheduleTime: text('schedule_time'),
    /** 0 = Sunday … 6 = Saturday, for weekly schedules. */
    scheduleWeekdays: smallint('schedule_weekdays').array(),
    scheduleCron: text('schedule_cron'),
    timeZone: text('time_zone').notNull(),
    validityHours: integer('validity_hours').notNull().default(24),
    /** Issue 7: a recurring configuration may ask for a confirmation before each occurrence. */
    confirmEachRun: boolean('confirm_each_run').notNull().default(false),
    status: sendConfigStatusEnum('status').notNull().default('draft'),
    audienceState: sendAudienceStateEnum('audience_state').notNull().default('empty'),
    audienceFileName: text('audience_file_name'),
    audienceColumns: text('audience_columns').array(),
    audienceValid: integer('audience_valid').notNull().default(0),
    audienceInvalid: integer('audience_invalid').notNull().default(0),
    audienceDuplicates: integer('audience_duplicates').notNull().default(0),
    audienceError: text('audience_error'),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: tstz('confirmed_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('send_configs_account_idx').on(t.accountId, t.createdAt, t.id)],
);

/** The valid, de-duplicated audience: `position` is 1..n in file order, so batches are ranges. */
export const sendRecipients = pgTable(
  'send_recipients',
  {
    configId: uuid('config_id')
      .notNull()
      .references(() => sendConfigs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    lineNo: integer('line_no').notNull(),
    phone: text('phone').notNull(),
    name: text('name'),
    vars: jsonb('vars').$type<Record<string, string>>(),
  },
  (t) => [primaryKey({ columns: [t.configId, t.position] })],
);

/** Every rejected CSV line with its number and reason (the downloadable error report). */
export const sendAudienceErrors = pgTable(
  'send_audience_errors',
  {
    configId: uuid('config_id')
      .notNull()
      .references(() => sendConfigs.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    reason: text('reason').notNull(),
    raw: text('raw').notNull(),
  },
  (t) => [primaryKey({ columns: [t.configId, t.lineNo] })],
);

export const sendRuns = pgTable(
  'send_runs',
  {
    id: id(),
    accountId: accountIdColumn(),
    configId: uuid('config_id')
      .notNull()
      .references(() => sendConfigs.id, { onDelete: 'cascade' }),
    /** When this occurrence is due. */
    scheduledAt: tstz('scheduled_at').notNull(),
    state: sendRunStateEnum('state').notNull(),
    total: integer('total').notNull().default(0),
    generated: integer('generated').notNull().default(0),
    /** The instances and their shares fixed at the end of processing. */
    plan: jsonb('plan').$type<{ instanceId: string; share: number }[]>(),
    abortRequestedAt: tstz('abort_requested_at'),
    abortRequestedBy: uuid('abort_requested_by'),
    /** Set in the transaction that generates the first batch: from then on an abort is refused. */
    generationStartedAt: tstz('generation_started_at'),
    generationFinishedAt: tstz('generation_finished_at'),
    failureReason: text('failure_reason'),
    finishedAt: tstz('finished_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('send_runs_config_idx').on(t.configId, t.scheduledAt),
    index('send_runs_due_idx').on(t.scheduledAt).where(sql`state = 'scheduled'`),
    index('send_runs_open_idx').on(t.state).where(sql`state IN ('processing', 'in_progress')`),
  ],
);

/** The run's state timeline. */
export const sendRunEvents = pgTable(
  'send_run_events',
  {
    id: id(),
    runId: uuid('run_id')
      .notNull()
      .references(() => sendRuns.id, { onDelete: 'cascade' }),
    state: sendRunStateEnum('state').notNull(),
    at: tstz('at').notNull(),
    byUserId: uuid('by_user_id'),
    note: text('note'),
  },
  (t) => [index('send_run_events_run_idx').on(t.runId, t.at)],
);

export const sendBatches = pgTable(
  'send_batches',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => sendRuns.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    fromPosition: integer('from_position').notNull(),
    toPosition: integer('to_position').notNull(),
    count: integer('count').notNull(),
    startedAt: tstz('started_at').notNull(),
    finishedAt: tstz('finished_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.seq] })],
);

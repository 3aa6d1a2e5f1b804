import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './_helpers';

/** One row per running worker process, refreshed by its heartbeat. */
export const workerHeartbeats = pgTable('worker_heartbeats', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  hostname: text('hostname').notNull(),
  pid: integer('pid').notNull(),
  queues: jsonb('queues').$type<string[]>().notNull(),
  startedAt: tstz('started_at').notNull(),
  lastSeenAt: tstz('last_seen_at').notNull(),
});

import { index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { accountIdColumn } from './accounts';
import { id, tstz } from './_helpers';
import { sendRuns } from './sends';

/**
 * One tracked link of a send run: every URL in the message text is rewritten at generation to
 * `/r/<token>`, where the token carries this link's id, the recipient's position in the audience
 * and a MAC keyed by `secret` (never leaves the database), so tokens cannot be guessed or forged.
 */
export const sendLinks = pgTable(
  'send_links',
  {
    id: id(),
    accountId: accountIdColumn(),
    runId: uuid('run_id')
      .notNull()
      .references(() => sendRuns.id, { onDelete: 'cascade' }),
    /** The URL as written in the message text (it may hold {{placeholders}}, rendered at redirect). */
    url: text('url').notNull(),
    /** 32 random bytes as hex. */
    secret: text('secret').notNull(),
  },
  (t) => [unique('send_links_run_url_uq').on(t.runId, t.url)],
);

/** A recipient's first click on a link: unique per (link, recipient). */
export const linkClicks = pgTable(
  'link_clicks',
  {
    linkId: uuid('link_id')
      .notNull()
      .references(() => sendLinks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    runId: uuid('run_id').notNull(),
    clickedAt: tstz('clicked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.position] }), index('link_clicks_run_idx').on(t.runId, t.position)],
);

/** The "Implantação" indicators of one run, as last computed (live while sending, hourly after, or on demand). */
export const deliveryStats = pgTable('delivery_stats', {
  runId: uuid('run_id')
    .primaryKey()
    .references(() => sendRuns.id, { onDelete: 'cascade' }),
  accountId: accountIdColumn(),
  toDeliver: integer('to_deliver').notNull(),
  /** Messages handed to the provider at least once (the denominator of the percentages). */
  sent: integer('sent').notNull(),
  delivered: integer('delivered').notNull(),
  errors: integer('errors').notNull(),
  pending: integer('pending').notNull(),
  read: integer('read').notNull(),
  clicked: integer('clicked').notNull(),
  computedAt: tstz('computed_at').notNull(),
});

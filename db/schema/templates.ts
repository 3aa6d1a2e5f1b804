import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accountIdColumn } from './accounts';
import { createdAt, id, tstz } from './_helpers';
import { stores } from './stores';

/**
 * A message template for one event type, for one store or (store_id null) the whole account.
 * At most one active template per (account, store or account-wide, type); a store's own template
 * wins over the account-wide one.
 */
export const templates = pgTable(
  'templates',
  {
    id: id(),
    accountId: accountIdColumn(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    name: text('name').notNull(),
    body: text('body').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('templates_active_key')
      .on(t.accountId, sql`coalesce(${t.storeId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.eventType)
      .where(sql`active`),
    index('templates_account_idx').on(t.accountId, t.eventType),
  ],
);

import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accountIdColumn } from './accounts';
import { createdAt, id } from './_helpers';

/** A merchant's store. The events issue adds its API keys and webhook secret. */
export const stores = pgTable(
  'stores',
  {
    id: id(),
    accountId: accountIdColumn(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('stores_account_idx').on(t.accountId, t.name)],
);

/** The store a row belongs to: required, and deleted with the store. */
export const storeIdColumn = () =>
  uuid('store_id')
    .notNull()
    .references(() => stores.id, { onDelete: 'cascade' });

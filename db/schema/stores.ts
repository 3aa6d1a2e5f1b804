import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id } from './_helpers';

/** A merchant's store. The events issue adds its API keys and webhook secret. */
export const stores = pgTable(
  'stores',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('stores_account_idx').on(t.accountId, t.name)],
);

import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accountIdColumn } from './accounts';
import { createdAt, tstz } from './_helpers';
import { stores } from './stores';

/**
 * A store's inbound credentials, one row per store. The API key is kept only as a SHA-256 hash
 * (looked up by it) plus its last four characters for the masked display; the webhook secret is
 * sealed (HMAC verification needs it back). Both are shown in full once, when issued.
 */
export const storeCredentials = pgTable('store_credentials', {
  storeId: uuid('store_id')
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  accountId: accountIdColumn(),
  apiKeyHash: text('api_key_hash').notNull().unique(),
  apiKeyLast4: text('api_key_last4').notNull(),
  webhookSecretSealed: text('webhook_secret_sealed').notNull(),
  webhookSecretLast4: text('webhook_secret_last4').notNull(),
  /** Requests per second this store may make to /api/v1 (per web process). */
  rateLimitPerSecond: integer('rate_limit_per_second').notNull().default(2000),
  createdAt: createdAt(),
  rotatedAt: tstz('rotated_at'),
});

import 'server-only';
import type { Sql, TransactionSql } from 'postgres';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { mask, randomToken, seal, sha256Hex } from '@/lib/crypto';
import { getStoreOrThrow } from '@/lib/stores/queries';

/** Shown in full exactly once, when issued (store creation or "Rotacionar"). */
export interface IssuedCredentials {
  apiKey: string;
  webhookSecret: string;
}

export interface MaskedCredentials {
  apiKey: string;
  webhookSecret: string;
  createdAt: Date;
  rotatedAt: Date | null;
}

export function newCredentials(): IssuedCredentials {
  return { apiKey: `pombo_${randomToken(24)}`, webhookSecret: `whsec_${randomToken(24)}` };
}

const last4 = (s: string) => s.slice(-4);

/** Writes (or replaces) a store's credentials; only hashes and sealed values are stored. */
export async function saveCredentials(
  accountId: string,
  storeId: string,
  creds: IssuedCredentials,
  run: Sql | TransactionSql = getSql(),
): Promise<void> {
  await run`
    INSERT INTO store_credentials (store_id, account_id, api_key_hash, api_key_last4, webhook_secret_sealed, webhook_secret_last4, created_at)
    VALUES (${storeId}, ${accountId}, ${sha256Hex(creds.apiKey)}, ${last4(creds.apiKey)}, ${seal(creds.webhookSecret)}, ${last4(creds.webhookSecret)}, ${now()})
    ON CONFLICT (store_id) DO UPDATE SET api_key_hash = EXCLUDED.api_key_hash, api_key_last4 = EXCLUDED.api_key_last4,
      webhook_secret_sealed = EXCLUDED.webhook_secret_sealed, webhook_secret_last4 = EXCLUDED.webhook_secret_last4, rotated_at = ${now()}`;
}

/** The masked view for the store page; a store made before credentials existed gets its first pair here. */
export async function getMaskedCredentials(actor: Actor, storeId: string): Promise<MaskedCredentials | null> {
  assertCan(actor, 'viewAccount');
  await getStoreOrThrow(actor.accountId, storeId);
  const [row] = await getSql()<{ k: string; s: string; createdAt: Date; rotatedAt: Date | null }[]>`
    SELECT api_key_last4 AS k, webhook_secret_last4 AS s, created_at AS "createdAt", rotated_at AS "rotatedAt"
    FROM store_credentials WHERE store_id = ${storeId} AND account_id = ${actor.accountId}`;
  if (!row) return null;
  return { apiKey: mask(`pombo_${row.k}`), webhookSecret: mask(row.s), createdAt: row.createdAt, rotatedAt: row.rotatedAt };
}

/** "Rotacionar" (and the first issue): a new pair, returned in full this once. Old ones stop working at once. */
export async function rotateCredentials(actor: Actor, storeId: string): Promise<IssuedCredentials> {
  assertCan(actor, 'manageInstances');
  await getStoreOrThrow(actor.accountId, storeId);
  const creds = newCredentials();
  await saveCredentials(actor.accountId, storeId, creds);
  return creds;
}

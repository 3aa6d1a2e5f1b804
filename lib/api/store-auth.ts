import 'server-only';
import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { unseal, sha256Hex } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { SIGNATURE_HEADER, verifySignature } from '@/lib/signature';
import { takeToken } from './rate-limit';

/** With a signature, the store says who it is in this header (the secret is per store). */
export const STORE_HEADER = 'X-Pombo-Store';

export interface StoreIdentity {
  accountId: string;
  storeId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unauthorized(message: string): AppError {
  return new AppError('UNAUTHENTICATED', { message, status: 401 });
}

interface CredentialRow {
  accountId: string;
  storeId: string;
  secret: string;
  rate: number;
}

/**
 * Who is calling /api/v1: `Authorization: Bearer <API key>`, or `X-Pombo-Signature: t=…,v1=…` (HMAC
 * of "<t>.<raw body>" with the store's webhook secret, at most 5 minutes off) with `X-Pombo-Store:
 * <store id>`. Throws AppError 401 otherwise, and 429 when the store is over its rate limit.
 */
export async function authenticateStore(request: Request, rawBody: string): Promise<StoreIdentity> {
  const sql = getSql();
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  let row: CredentialRow | undefined;
  if (bearer) {
    [row] = await sql<CredentialRow[]>`
      SELECT account_id AS "accountId", store_id AS "storeId", '' AS secret, rate_limit_per_second AS rate
      FROM store_credentials WHERE api_key_hash = ${sha256Hex(bearer)}`;
    if (!row) throw unauthorized('Chave de API inválida.');
  } else {
    const signature = request.headers.get(SIGNATURE_HEADER);
    const storeId = request.headers.get(STORE_HEADER) ?? '';
    if (!signature) throw unauthorized(`Envie Authorization: Bearer <chave de API> ou ${SIGNATURE_HEADER}.`);
    if (!UUID.test(storeId)) throw unauthorized(`Com ${SIGNATURE_HEADER}, envie também ${STORE_HEADER} com o id da loja.`);
    [row] = await sql<CredentialRow[]>`
      SELECT account_id AS "accountId", store_id AS "storeId", webhook_secret_sealed AS secret, rate_limit_per_second AS rate
      FROM store_credentials WHERE store_id = ${storeId}`;
    if (!row || !verifySignature(signature, unseal(row.secret), rawBody, now())) {
      throw unauthorized('Assinatura inválida ou expirada (tolerância de 5 minutos).');
    }
  }
  if (!takeToken(row.storeId, row.rate)) {
    throw new AppError('RATE_LIMITED', { message: 'Limite de requisições da loja excedido. Tente de novo em instantes.', status: 429 });
  }
  return { accountId: row.accountId, storeId: row.storeId };
}

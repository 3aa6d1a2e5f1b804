import 'server-only';
import { z } from 'zod';
import { AppError, isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';

/** Bodies larger than this are answered 413 before parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Every /api/v1 error: `{ error: { code, message, fields? } }`, fields keyed by dotted path. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** Field errors keyed by the dotted path of each issue ("events.3.contact.phone"). */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(body)';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function errorResponse(e: unknown): Response {
  if (e instanceof z.ZodError) {
    return json({ error: { code: 'VALIDATION', message: 'O corpo não segue o esquema.', fields: zodFieldErrors(e) } } satisfies ApiErrorBody, 400);
  }
  if (isAppError(e)) {
    const body: ApiErrorBody = { error: { code: e.code, message: e.message, ...(e.fieldErrors ? { fields: e.fieldErrors } : {}) } };
    return json(body, e.status, e.status === 429 ? { 'retry-after': '1' } : {});
  }
  logger.error({ err: e }, 'api request failed');
  return json({ error: { code: 'INTERNAL', message: 'Erro interno. Tente novamente.' } } satisfies ApiErrorBody, 500);
}

/**
 * Reads the raw body (needed as-is for signatures), refusing more than MAX_BODY_BYTES with 413
 * whether or not Content-Length tells the truth.
 */
export async function readRawBody(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', { message: `O corpo passa de ${limit} bytes.`, status: 413 });
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJsonBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION', { message: 'O corpo não é JSON válido.', status: 400, fieldErrors: { '(body)': ['JSON inválido.'] } });
  }
}

/** Wraps a route handler so every thrown error becomes its JSON answer. */
export function apiRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

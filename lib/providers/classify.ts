import type { FailureKind } from './types';

/**
 * WhatsApp Cloud API (Graph) error codes that describe a passing condition: throttling, a busy or
 * unavailable service. Everything else in the 4xx range is about the message or the recipient and
 * will not improve by trying again.
 */
const CLOUD_TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 613, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);
/** Codes that mean the token or its permissions were refused. */
const CLOUD_AUTH_CODES = new Set([0, 3, 10, 102, 190, 200, 299]);

/** A generic HTTP answer: 408/425/429 and 5xx pass; 401/403 are about credentials; other 4xx are final. */
export function classifyHttpStatus(status: number): FailureKind {
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'transient';
  if (status === 401 || status === 403) return 'auth';
  return 'permanent';
}

export function classifyCloudError(status: number, code: number | undefined): FailureKind {
  if (status === 429 || status >= 500) return 'transient';
  if (code !== undefined && CLOUD_TRANSIENT_CODES.has(code)) return 'transient';
  if (status === 401 || (code !== undefined && CLOUD_AUTH_CODES.has(code))) return 'auth';
  return status === 403 ? 'auth' : 'permanent';
}

/** Network failures and timeouts are always transient. */
export function describeNetworkError(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'Tempo esgotado ao chamar o provedor';
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : undefined;
  return `Erro de rede: ${cause ?? (e instanceof Error ? e.message : String(e))}`;
}

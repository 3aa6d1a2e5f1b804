import { describe, expect, it } from 'vitest';
import { classifyCloudError, classifyHttpStatus, describeNetworkError } from '@/lib/providers/classify';

describe('provider error classification', () => {
  it('generic HTTP: 408/425/429 and 5xx are transient, 401/403 auth, other 4xx permanent', () => {
    expect([408, 425, 429, 500, 502, 503, 504].map(classifyHttpStatus)).toEqual(Array(7).fill('transient'));
    expect([401, 403].map(classifyHttpStatus)).toEqual(['auth', 'auth']);
    expect([400, 404, 409, 410, 413, 422].map(classifyHttpStatus)).toEqual(Array(6).fill('permanent'));
  });

  it('WhatsApp Cloud: status first, then the Graph error code', () => {
    expect(classifyCloudError(500, undefined)).toBe('transient');
    expect(classifyCloudError(503, 131000)).toBe('transient');
    expect(classifyCloudError(429, 130429)).toBe('transient');
    expect(classifyCloudError(400, 131056)).toBe('transient'); // pair rate limit
    expect(classifyCloudError(400, 4)).toBe('transient'); // app rate limit
    expect(classifyCloudError(401, 190)).toBe('auth'); // token expired
    expect(classifyCloudError(400, 190)).toBe('auth');
    expect(classifyCloudError(403, 200)).toBe('auth');
    expect(classifyCloudError(403, undefined)).toBe('auth');
    expect(classifyCloudError(400, 131026)).toBe('permanent'); // undeliverable
    expect(classifyCloudError(400, 100)).toBe('permanent'); // invalid parameter
    expect(classifyCloudError(404, undefined)).toBe('permanent');
  });

  it('describes timeouts and network errors', () => {
    expect(describeNetworkError(new DOMException('t', 'TimeoutError'))).toBe('Tempo esgotado ao chamar o provedor');
    expect(describeNetworkError(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }))).toBe('Erro de rede: connect ECONNREFUSED');
  });
});

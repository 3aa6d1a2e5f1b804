import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Meta's Graph API (Conversions API): POST /{version}/{pixel}/events.
 * Validates what Meta validates that matters to us (pixel, token, 1..1,000 events, required
 * fields, hashed e-mail/phone) and answers what the test scripts next: success, a permanent error,
 * a 5xx, a 429, a timeout (never answers in time) or a transient Graph error code.
 */
export type MetaBehaviour = 'success' | 'permanent' | '5xx' | '429' | 'timeout' | 'transient_code';

export interface MetaRequest {
  version: string;
  pixelId: string;
  testEventCode?: string;
  events: Record<string, unknown>[];
}

const HEX64 = /^[0-9a-f]{64}$/;

function shapeError(body: { data?: unknown }): string | null {
  const data = body.data;
  if (!Array.isArray(data) || data.length === 0) return 'data must be a non-empty array';
  if (data.length > 1000) return 'data may hold at most 1000 events';
  for (const e of data as Record<string, unknown>[]) {
    if (typeof e.event_name !== 'string' || !e.event_name) return 'event_name is required';
    if (!Number.isInteger(e.event_time)) return 'event_time must be unix seconds';
    if (typeof e.event_id !== 'string' || !e.event_id) return 'event_id is required';
    if (typeof e.action_source !== 'string') return 'action_source is required';
    const user = e.user_data as Record<string, unknown> | undefined;
    if (!user || Object.keys(user).length === 0) return 'user_data is required';
    for (const field of ['em', 'ph', 'external_id']) {
      const values = user[field];
      if (values !== undefined && (!Array.isArray(values) || !values.every((v) => typeof v === 'string' && HEX64.test(v)))) return `user_data.${field} must be SHA-256 hashes`;
    }
  }
  return null;
}

export async function startFakeMetaGraph(opts: { pixelId?: string; accessToken?: string; record?: boolean } = {}) {
  const pixelId = opts.pixelId ?? '1234567890';
  const accessToken = opts.accessToken ?? 'meta-test-token';
  const script: MetaBehaviour[] = [];
  let fallback: MetaBehaviour = 'success';
  const requests: MetaRequest[] = [];
  let received = 0;
  let calls = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls++;
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const graphError = (status: number, code: number, message: string, extra: Record<string, unknown> = {}) =>
        answer(status, { error: { message, type: 'OAuthException', code, fbtrace_id: 'fake', ...extra } });
      const m = /^\/(v\d+\.\d+)\/(\d+)\/events(?:\?.*)?$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) return graphError(404, 803, 'Unknown path');
      let body: { data?: unknown; access_token?: string; test_event_code?: string };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        return graphError(400, 100, 'Invalid JSON');
      }
      if (m[2] !== pixelId) return graphError(400, 100, `Unsupported post request. Object with ID '${m[2]}' does not exist`, { error_subcode: 33 });
      if (body.access_token !== accessToken) return graphError(401, 190, 'Invalid OAuth access token');
      const problem = shapeError(body);
      if (problem) return graphError(400, 100, `Invalid parameter: ${problem}`);
      const behaviour = script.shift() ?? fallback;
      if (behaviour === 'timeout') return; // never answers: the caller's timeout fires
      if (behaviour === '5xx') return graphError(503, 2, 'Service temporarily unavailable', { is_transient: true });
      if (behaviour === '429') return graphError(429, 17, 'User request limit reached');
      if (behaviour === 'transient_code') return graphError(400, 2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true });
      if (behaviour === 'permanent') return graphError(400, 100, 'Invalid parameter', { error_subcode: 2804003, error_user_msg: 'Parâmetro inválido' });
      const events = body.data as Record<string, unknown>[];
      received += events.length;
      if (opts.record !== false) requests.push({ version: m[1]!, pixelId: m[2]!, testEventCode: body.test_event_code, events });
      answer(200, { events_received: events.length, messages: [], fbtrace_id: 'fake' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pixelId,
    accessToken,
    requests,
    /** Events accepted so far. */
    received: () => received,
    /** Requests answered or left hanging so far. */
    calls: () => calls,
    /** The next requests' behaviours, in order; after them, `always`'s (default success). */
    script: (...behaviours: MetaBehaviour[]) => script.push(...behaviours),
    always: (b: MetaBehaviour) => {
      fallback = b;
    },
    /** Forgets scripted behaviours; answers success again. */
    reset: () => {
      script.length = 0;
      fallback = 'success';
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
export type FakeMetaGraph = Awaited<ReturnType<typeof startFakeMetaGraph>>;

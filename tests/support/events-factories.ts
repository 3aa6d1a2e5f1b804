import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getSql } from '@/db/client';
import { newCredentials, saveCredentials, type IssuedCredentials } from '@/lib/api/credentials';
import { signBody } from '@/lib/signature';
import { makeStore } from './queue-factories';

/** A store with fresh credentials (returned in full, as on issue). */
export async function makeApiStore(accountId: string, opts: { name?: string; rate?: number } = {}): Promise<{ storeId: string } & IssuedCredentials> {
  const storeId = await makeStore(accountId, opts.name ?? 'Loja API');
  const creds = newCredentials();
  await saveCredentials(accountId, storeId, creds);
  if (opts.rate) await getSql()`UPDATE store_credentials SET rate_limit_per_second = ${opts.rate} WHERE store_id = ${storeId}`;
  return { storeId, ...creds };
}

export async function makeTemplate(accountId: string, eventType: string, body: string, storeId: string | null = null): Promise<string> {
  const [row] = await getSql()<{ id: string }[]>`
    INSERT INTO templates (account_id, store_id, event_type, name, body) VALUES (${accountId}, ${storeId}, ${eventType}, ${`Modelo ${eventType}`}, ${body}) RETURNING id`;
  return row!.id;
}

export function sampleEvent(over: Record<string, unknown> = {}) {
  return {
    externalId: `ext-${Math.random().toString(36).slice(2)}`,
    type: 'order_created',
    occurredAt: '2026-11-23T10:00:00Z',
    contact: { phone: '+55 11 98765-4321', name: 'Ana' },
    data: { order: { id: 'A-1', total: '99,90' } },
    ...over,
  };
}

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response> | Response;

/**
 * Serves route handlers over real HTTP on 127.0.0.1 (Node request → Web Request → handler →
 * Node response), so tests exercise headers, raw bodies and status codes as a client sees them.
 * Routes: exact paths, or a trailing `/:id` segment.
 */
export async function serveRoutes(routes: Record<string, Partial<Record<'GET' | 'POST', Handler>>>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    let params = { id: '' };
    let route = routes[path];
    if (!route) {
      const cut = path.lastIndexOf('/');
      route = routes[`${path.slice(0, cut)}/:id`];
      params = { id: decodeURIComponent(path.slice(cut + 1)) };
    }
    const handler = route?.[req.method as 'GET' | 'POST'];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body }), { params: Promise.resolve(params) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export function signedHeaders(storeId: string, secret: string, raw: string, at = new Date()): Record<string, string> {
  return { 'content-type': 'application/json', 'x-pombo-signature': signBody(secret, raw, at), 'x-pombo-store': storeId };
}

export function bearer(apiKey: string): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` };
}

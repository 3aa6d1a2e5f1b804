import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers to the next send. */
export type CloudScript =
  | { kind: 'success' }
  | { kind: 'error'; status: number; code?: number; message?: string }
  | { kind: 'timeout' };

export interface CloudRequest {
  phoneNumberId: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for the WhatsApp Cloud API: `POST {base}/{phone-number-id}/messages` with a
 * bearer token, answering `{ messages: [{ id }] }` or a Graph error as scripted; `GET
 * {base}/{phone-number-id}` answers the number's details (the connection check). A wrong token
 * gets Graph's 401 / code 190. Every request is recorded.
 */
export async function startFakeWhatsappCloud(opts: { token: string }) {
  const requests: CloudRequest[] = [];
  const script: CloudScript[] = [];
  const hanging = new Set<() => void>();
  let fallback: CloudScript = { kind: 'success' };

  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => resolve(raw));
    });

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const [phoneNumberId, action] = url.pathname.split('/').filter(Boolean);
    const raw = await read(req);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${opts.token}`) {
      return json(401, { error: { message: 'Error validating access token', type: 'OAuthException', code: 190 } });
    }
    if (req.method === 'GET' && !action) return json(200, { display_phone_number: '+55 11 99999-0000', verified_name: 'Loja Fake', id: phoneNumberId });
    if (req.method !== 'POST' || action !== 'messages') return json(404, { error: { message: 'Unknown path', code: 100 } });
    requests.push({
      phoneNumberId: phoneNumberId!,
      authorization: req.headers.authorization,
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      body: JSON.parse(raw) as Record<string, unknown>,
    });
    const next = script.shift() ?? fallback;
    if (next.kind === 'timeout') {
      hanging.add(() => res.destroy());
      return;
    }
    if (next.kind === 'error') return json(next.status, { error: { message: next.message ?? 'Scripted error', code: next.code, type: 'OAuthException' } });
    return json(200, { messaging_product: 'whatsapp', messages: [{ id: `wamid.${requests.length}` }] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** Queues answers for the next sends, in order. */
    answer(...next: CloudScript[]) {
      script.push(...next);
    },
    always(next: CloudScript) {
      fallback = next;
    },
    async close() {
      for (const end of hanging) end();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

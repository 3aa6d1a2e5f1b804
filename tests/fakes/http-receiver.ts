import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the receiver behind the generic `http` provider (which reports no receipts):
 * answers each POST with the next scripted status (200 once the script is empty) and records bodies.
 */
export async function startFakeHttpReceiver() {
  const script: number[] = [];
  const bodies: Record<string, unknown>[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      bodies.push(JSON.parse(raw || '{}') as Record<string, unknown>);
      const status = script.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status < 300 ? { id: `http.${bodies.length}` } : { error: 'scripted' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    bodies,
    answer: (...statuses: number[]) => void script.push(...statuses),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

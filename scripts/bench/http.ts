import { load, signInCookie, startServer } from './support';

/**
 * `http`: throughput and latency of GET /api/health and of the signed-in instances page, against
 * a production build with the demo data, 10 s each at 20 connections (autocannon).
 */
export async function run() {
  const server = await startServer(3200);
  try {
    const cookie = await signInCookie(server.url, 'owner@demo.test', 'pombo-demo');
    const health = await load(`${server.url}/api/health`, { seconds: 10, connections: 20 });
    const instancesPage = await load(`${server.url}/instances`, { seconds: 10, connections: 20, headers: { cookie } });
    return { connections: 20, secondsEach: 10, health, instancesPage };
  } finally {
    await server.stop();
  }
}

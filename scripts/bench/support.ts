import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LatencyFigures {
  requestsPerSecond: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
}

/** Starts `npm start` (production build) on a fresh data dir and waits until it is healthy. */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = `.pombo-bench-${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  const child: ChildProcess = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), POMBO_DATA_DIR: dataDir, POMBO_PG_PORT: String(port + 50000 - 3000 + 1), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through Auth.js's credentials endpoint and returns the Cookie header to reuse. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) =>
    res.headers.getSetCookie().forEach((c) => {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!, v.join('='));
    });
  keep(csrfRes);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in failed (${res.status})`);
  return cookie();
}

/** Runs autocannon for `seconds` against one URL and returns throughput and latency percentiles. */
export async function load(url: string, opts: { seconds: number; connections: number; headers?: Record<string, string> }): Promise<LatencyFigures> {
  const result = await autocannon({ url, duration: opts.seconds, connections: opts.connections, headers: opts.headers });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p95ms: result.latency.p97_5 === undefined ? result.latency.p99 : percentile95(result),
    p99ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

// autocannon reports p90 and p97.5 but not p95: interpolate between them.
function percentile95(result: autocannon.Result): number {
  const { p90, p97_5 } = result.latency;
  return Math.round((p90 + ((p97_5 - p90) * (95 - 90)) / (97.5 - 90)) * 100) / 100;
}

export function processFigures(): { cpuUserMs: number; cpuSystemMs: number; rssMb: number } {
  const cpu = process.cpuUsage();
  return { cpuUserMs: Math.round(cpu.user / 1000), cpuSystemMs: Math.round(cpu.system / 1000), rssMb: Math.round(process.memoryUsage().rss / 1048576) };
}

import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { hashUserData } from '@/lib/conversions/hashing';
import type { ConversionStatus } from '@/lib/conversions/states';
import type { DemoContext } from './seed';

const DEMO_STORE = 'Automação #1';
const MIN = 60_000;

interface Sample {
  status: ConversionStatus;
  destination: 'ok' | 'unstable';
  /** Attempts so far, oldest first: [minutes ago, outcome, http status, error]. */
  attempts: [number, 'success' | 'permanent' | 'transient' | 'lease_expired', number | null, string | null][];
  failureReason?: string;
  eventAgeMinutes: number;
}

const UNAVAILABLE = 'HTTP 503: instabilidade simulada (modo sandbox)';
const SAMPLES: Sample[] = [
  { status: 'succeeded', destination: 'ok', eventAgeMinutes: 90, attempts: [[89, 'success', 200, null]] },
  { status: 'succeeded', destination: 'ok', eventAgeMinutes: 200, attempts: [[199, 'transient', 503, UNAVAILABLE], [169, 'success', 200, null]] },
  { status: 'succeeded', destination: 'ok', eventAgeMinutes: 30, attempts: [[29, 'success', 200, null]] },
  { status: 'failed', destination: 'ok', eventAgeMinutes: 120, failureReason: 'erro permanente', attempts: [[119, 'permanent', 400, 'HTTP 400: #100 Invalid parameter (event_time no futuro)']] },
  { status: 'failed', destination: 'ok', eventAgeMinutes: 8 * 24 * 60, failureReason: 'expirado', attempts: [[8 * 24 * 60 - 1, 'transient', 503, UNAVAILABLE]] },
  { status: 'waiting_retry', destination: 'unstable', eventAgeMinutes: 12, attempts: [[11, 'transient', 503, UNAVAILABLE]] },
  { status: 'waiting_retry', destination: 'unstable', eventAgeMinutes: 75, attempts: [[74, 'transient', 503, UNAVAILABLE], [44, 'transient', 429, 'HTTP 429: #17 User request limit reached'], [14, 'transient', 503, UNAVAILABLE]] },
  { status: 'resending', destination: 'unstable', eventAgeMinutes: 40, attempts: [[39, 'transient', 503, UNAVAILABLE]] },
  { status: 'sending', destination: 'ok', eventAgeMinutes: 1, attempts: [] },
];

/**
 * "Automação #1" (created by the queue seeder; created here if missing) gets two sandbox
 * destinations — one that always accepts, one "unstable" that answers 503 so its events keep
 * cycling Esperando Retentativa → Reenviando every 30 minutes — and conversion events in every
 * status with their attempts.
 */
export async function seedConversionsDemo(ctx: DemoContext): Promise<void> {
  const sql = getSql();
  const at = now().getTime();
  const ago = (m: number) => new Date(at - m * MIN);
  let [store] = await sql<{ id: string }[]>`SELECT id FROM stores WHERE account_id = ${ctx.accountId} AND name = ${DEMO_STORE}`;
  store ??= (await sql<{ id: string }[]>`INSERT INTO stores (account_id, name) VALUES (${ctx.accountId}, ${DEMO_STORE}) RETURNING id`)[0]!;
  const destination = async (name: string, mode: string, mappings: unknown[]) =>
    (
      await sql<{ id: string }[]>`
        INSERT INTO conversion_destinations (account_id, store_id, kind, name, config, mappings)
        VALUES (${ctx.accountId}, ${store.id}, 'sandbox', ${name}, ${sql.json({ mode })}, ${sql.json(mappings as never)}) RETURNING id`
    )[0]!.id;
  const ids = {
    ok: await destination('Meta Ads (sandbox)', 'success', [{ storeEventType: 'order.paid', eventName: 'Purchase' }]),
    unstable: await destination('Sandbox instável', 'transient', []),
  };
  for (const [i, s] of SAMPLES.entries()) {
    const last = s.attempts.at(-1);
    const [event] = await sql<{ id: string }[]>`
      INSERT INTO conversion_events (account_id, store_id, destination_id, external_id, event_id, event_name, event_time, user_data, custom_data,
        status, attempts, next_attempt_at, last_attempt_at, claim_token, claimed_at, last_error, last_http_status, failure_reason, created_at, finished_at)
      VALUES (${ctx.accountId}, ${store.id}, ${ids[s.destination]}, ${`demo-pedido-${1001 + i}`}, ${`demo-pedido-${1001 + i}`}, ${i % 3 === 2 ? 'AddToCart' : 'Purchase'},
        ${ago(s.eventAgeMinutes)}, ${sql.json(hashUserData({ email: `cliente${i}@exemplo.com.br`, phone: `+55 11 98888-00${10 + i}` }) as never)},
        ${sql.json({ value: 89.9 + i * 37, currency: 'BRL' })}, ${s.status}, ${s.attempts.length + (s.status === 'resending' ? 1 : 0)},
        ${s.status === 'waiting_retry' && last ? ago(last[0] - 30) : s.status === 'sending' ? ago(-10) : ago(s.eventAgeMinutes)},
        ${last ? ago(last[0]) : null}, ${s.status === 'resending' ? sql`gen_random_uuid()` : null}, ${s.status === 'resending' ? ago(0) : null},
        ${last?.[3] ?? null}, ${last?.[2] ?? null}, ${s.failureReason ?? null}, ${ago(s.eventAgeMinutes)},
        ${s.status === 'succeeded' || s.status === 'failed' ? ago(last?.[0] ?? 0) : null})
      RETURNING id`;
    for (const [n, [minutes, outcome, http, error]] of s.attempts.entries()) {
      await sql`INSERT INTO conversion_attempts (event_id, attempt, started_at, duration_ms, outcome, http_status, error)
        VALUES (${event!.id}, ${n + 1}, ${ago(minutes)}, ${120 + n * 35}, ${outcome}, ${http}, ${error})`;
    }
  }
}

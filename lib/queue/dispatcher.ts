import { now } from '@/lib/clock';
import { unseal } from '@/lib/crypto';
import { env } from '@/lib/env';
import { getProvider } from '@/lib/providers';
import { claimDue, type ClaimedMessage } from './claim';
import { completeBatch, type SendResult } from './complete';
import { dayKey } from './day-window';
import { sweepExpiredLeases } from './leases';
import { PROVIDER_TIMEOUT_MS } from './pacing';

/** Unsealing costs a key derivation; the same sealed token is unsealed once per process. */
const secrets = new Map<string, string>();
function secretOf(sealed: string | null): string | null {
  if (!sealed) return null;
  let plain = secrets.get(sealed);
  if (plain === undefined) {
    if (secrets.size > 1000) secrets.clear();
    plain = unseal(sealed);
    secrets.set(sealed, plain);
  }
  return plain;
}

async function send(claim: ClaimedMessage): Promise<SendResult> {
  const provider = getProvider(claim.provider);
  const instance = { id: claim.instanceId, phoneNumber: claim.phoneNumber, config: claim.providerConfig, secret: null as string | null };
  try {
    instance.secret = secretOf(claim.providerSecret);
    const outcome = await provider.send(instance, { id: claim.id, to: claim.recipient, body: claim.body, attempt: claim.attempt }, AbortSignal.timeout(PROVIDER_TIMEOUT_MS));
    if (outcome.ok) return { claim, ok: true, providerMessageId: outcome.providerMessageId, httpStatus: outcome.httpStatus, awaitsReceipt: provider.reportsReceipts(instance) };
    return { claim, ok: false, kind: outcome.kind, error: outcome.error, httpStatus: outcome.httpStatus };
  } catch (e) {
    // A provider that throws (a bug, a bad config) is treated as a passing problem: retried, then failed.
    return { claim, ok: false, kind: 'transient', error: e instanceof Error ? e.message : String(e) };
  }
}

export interface DispatchOptions {
  workerId: string;
  /** Instances claimed per statement. */
  limit?: number;
  resetHour?: number;
  /** Only this account's instances (tests and benches share one database with other tenants). */
  accountId?: string;
}

/**
 * One dispatcher cycle: claim every due instance's next message in one statement, call the
 * providers concurrently (one message per instance, so pacing holds), record every outcome in one
 * statement. Returns how many messages were attempted. Time comes from lib/clock.
 */
export async function dispatchOnce(opts: DispatchOptions): Promise<number> {
  const resetHour = opts.resetHour ?? env().POMBO_DAILY_RESET_UTC_HOUR;
  const at = now();
  const claims = await claimDue({ at, day: dayKey(at, resetHour), workerId: opts.workerId, limit: opts.limit ?? 500, accountId: opts.accountId });
  if (claims.length === 0) return 0;
  const results = await Promise.all(claims.map(send));
  const done = now();
  await completeBatch(results, { at: done, day: dayKey(done, resetHour), workerId: opts.workerId });
  return claims.length;
}

/** The repair sweep with the current time. */
export function sweepLeases(opts: { resetHour?: number; accountId?: string } = {}): Promise<number> {
  const at = now();
  return sweepExpiredLeases({ at, day: dayKey(at, opts.resetHour ?? env().POMBO_DAILY_RESET_UTC_HOUR), accountId: opts.accountId });
}

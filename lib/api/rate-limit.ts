import { now } from '@/lib/clock';

/**
 * Per-store token buckets in this web process: `perSecond` tokens a second, bursts up to twice
 * that. Each web node limits on its own (a store's total is at most nodes × limit).
 */
const buckets = new Map<string, { tokens: number; at: number }>();

export function takeToken(key: string, perSecond: number): boolean {
  const t = now().getTime();
  const capacity = perSecond * 2;
  const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
  bucket.tokens = Math.min(capacity, bucket.tokens + (Math.max(0, t - bucket.at) / 1000) * perSecond);
  bucket.at = t;
  const ok = bucket.tokens >= 1;
  if (ok) bucket.tokens -= 1;
  buckets.set(key, bucket);
  return ok;
}

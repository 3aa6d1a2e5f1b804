import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Pombo's webhook signature, used outbound (the `http` provider) and inbound (store webhooks):
 * `X-Pombo-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 */
export const SIGNATURE_HEADER = 'X-Pombo-Signature';
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, t: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
}

export function signBody(secret: string, rawBody: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, t, rawBody)}`;
}

/** True when the header was made with `secret` over `rawBody` within the tolerance of `at`. */
export function verifySignature(header: string | null | undefined, secret: string, rawBody: string, at: Date): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(at.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(hmacHex(secret, t, rawBody), 'hex'));
}

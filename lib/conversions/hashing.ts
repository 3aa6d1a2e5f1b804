import { sha256Hex } from '@/lib/crypto';

/**
 * Meta's customer-information rules: e-mail trimmed and lower-cased; phone as digits only with the
 * country code (no symbols, letters or leading zeros); external_id trimmed. Each is then SHA-256
 * hashed (hex). A value that already looks like a SHA-256 hex digest is passed through.
 */
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normalisePhone(phone: string): string {
  return phone.replace(/\D/g, '').replace(/^0+/, '');
}

function hashed(value: string, normalise: (v: string) => string): string | null {
  if (SHA256_HEX.test(value)) return value;
  const n = normalise(value);
  return n ? sha256Hex(n) : null;
}

export interface UserDataInput {
  email?: string;
  phone?: string;
  externalId?: string;
  clientIpAddress?: string;
  clientUserAgent?: string;
  fbc?: string;
  fbp?: string;
}

/** The `user_data` object as Meta expects it (hashed em/ph/external_id; the rest as given). */
export function hashUserData(input: UserDataInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const em = input.email ? hashed(input.email, normaliseEmail) : null;
  const ph = input.phone ? hashed(input.phone, normalisePhone) : null;
  const xid = input.externalId ? hashed(input.externalId, (v) => v.trim()) : null;
  if (em) out.em = [em];
  if (ph) out.ph = [ph];
  if (xid) out.external_id = [xid];
  if (input.clientIpAddress) out.client_ip_address = input.clientIpAddress;
  if (input.clientUserAgent) out.client_user_agent = input.clientUserAgent;
  if (input.fbc) out.fbc = input.fbc;
  if (input.fbp) out.fbp = input.fbp;
  return out;
}

import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * A tracked link's token: base64url of link id (16 bytes) ‖ recipient position (4 bytes, big
 * endian) ‖ MAC (12 bytes) = the first 12 bytes of sha256(link secret ‖ position). The secret never
 * leaves the database, so a token cannot be forged for another recipient or link; 96 bits of MAC
 * make guessing hopeless. Generation computes the same bytes in SQL (see generation.ts).
 */
export const MAC_BYTES = 12;
const TOKEN_BYTES = 16 + 4 + MAC_BYTES;

export interface LinkToken {
  linkId: string;
  position: number;
  mac: Buffer;
}

export function macFor(secretHex: string, position: number): Buffer {
  const pos = Buffer.alloc(4);
  pos.writeInt32BE(position);
  return createHash('sha256').update(Buffer.from(secretHex, 'hex')).update(pos).digest().subarray(0, MAC_BYTES);
}

export function encodeToken(linkId: string, position: number, secretHex: string): string {
  const pos = Buffer.alloc(4);
  pos.writeInt32BE(position);
  return Buffer.concat([Buffer.from(linkId.replaceAll('-', ''), 'hex'), pos, macFor(secretHex, position)]).toString('base64url');
}

export function decodeToken(token: string): LinkToken | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== TOKEN_BYTES) return null;
  const hex = bytes.subarray(0, 16).toString('hex');
  const linkId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { linkId, position: bytes.readInt32BE(16), mac: bytes.subarray(20) };
}

export function validMac(token: LinkToken, secretHex: string): boolean {
  return timingSafeEqual(token.mac, macFor(secretHex, token.position));
}

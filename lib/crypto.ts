import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (provider tokens, webhook secrets) are sealed with AES-256-GCM under a key
 * derived from POMBO_SECRET. Format: v1.<iv>.<tag>.<ciphertext>, base64url parts.
 */
function key(purpose: string): Buffer {
  const secret = process.env.POMBO_SECRET;
  if (!secret) throw new Error('POMBO_SECRET is not set (npm start generates one into .pombo/secret)');
  return Buffer.from(hkdfSync('sha256', secret, 'pombo', purpose, 32));
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key('seal'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function unseal(sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unknown sealed format');
  const decipher = createDecipheriv('aes-256-gcm', key('seal'), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Shows the last four characters only: "••••••a1b2". */
export function mask(secret: string): string {
  return `••••••${secret.slice(-4)}`;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

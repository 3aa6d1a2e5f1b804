import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * POMBO_SECRET from the environment, else from `<dataDir>/secret` (created on first start).
 * AUTH_SECRET, when unset, is derived from it so one secret is enough to run Pombo.
 */
export function loadSecrets(dataDir: string): { pomboSecret: string; authSecret: string } {
  let pomboSecret = process.env.POMBO_SECRET;
  if (!pomboSecret) {
    const file = path.join(dataDir, 'secret');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    }
    pomboSecret = readFileSync(file, 'utf8').trim();
  }
  const authSecret = process.env.AUTH_SECRET ?? Buffer.from(hkdfSync('sha256', pomboSecret, 'pombo', 'auth', 32)).toString('base64url');
  return { pomboSecret, authSecret };
}

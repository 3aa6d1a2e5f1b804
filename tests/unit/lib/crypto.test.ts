import { describe, expect, it } from 'vitest';
import { mask, seal, unseal } from '@/lib/crypto';

describe('secrets at rest', () => {
  it('round-trips and never stores the plain text', () => {
    const sealed = seal('EAAG-token-123');
    expect(sealed).not.toContain('EAAG');
    expect(unseal(sealed)).toBe('EAAG-token-123');
  });

  it('uses a fresh IV each time', () => {
    expect(seal('x')).not.toBe(seal('x'));
  });

  it('rejects tampered ciphertext', () => {
    const [v, iv, tag, body] = seal('segredo').split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => unseal([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });

  it('masks all but the last four characters', () => {
    expect(mask('abcdefgh1234')).toBe('••••••1234');
  });
});

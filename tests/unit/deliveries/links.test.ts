import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractUrls, replaceUrls, safeTarget } from '@/lib/clicks/links';
import { decodeToken, encodeToken, validMac } from '@/lib/clicks/tokens';
import { percentages } from '@/lib/deliveries/stats';

describe('links in a message text', () => {
  it('finds each distinct http(s) URL, without the punctuation that ends the sentence', () => {
    const text = 'Veja https://loja.com/a. E (https://loja.com/b?x=1&y=2), ou https://loja.com/a! Cupom https://l.co/c/{{cupom}}. ftp://no';
    expect(extractUrls(text)).toEqual(['https://loja.com/a', 'https://loja.com/b?x=1&y=2', 'https://l.co/c/{{cupom}}']);
    expect(replaceUrls(text, (u) => `<${u.length}>`)).toBe('Veja <18>. E (<26>), ou <18>! Cupom <24>. ftp://no');
    expect(extractUrls('sem links aqui')).toEqual([]);
  });

  it('follows only http(s) targets', () => {
    expect(safeTarget('https://loja.com/x')).toBe('https://loja.com/x');
    expect(safeTarget('javascript:alert(1)')).toBeNull();
    expect(safeTarget('https://')).toBeNull();
  });
});

describe('link tokens', () => {
  it('round-trip link and position, and only the secret makes a valid MAC', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (position) => {
        const linkId = randomUUID();
        const secret = 'ab'.repeat(32);
        const token = encodeToken(linkId, position, secret);
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const decoded = decodeToken(token)!;
        expect(decoded).toMatchObject({ linkId, position });
        expect(validMac(decoded, secret)).toBe(true);
        expect(validMac(decoded, 'cd'.repeat(32))).toBe(false);
        expect(validMac({ ...decoded, position: position === 1 ? 2 : 1 }, secret)).toBe(false);
      }),
      { numRuns: 200 },
    );
    expect(decodeToken('curto')).toBeNull();
    expect(decodeToken('+'.repeat(43))).toBeNull();
  });
});

describe('percentages', () => {
  it('are over the messages sent, one decimal, 0 before any', () => {
    expect(percentages({ sent: 0, delivered: 0, errors: 0, read: 0, clicked: 0 })).toEqual({ delivered: 0, errors: 0, read: 0, clicked: 0 });
    expect(percentages({ sent: 3, delivered: 2, errors: 1, read: 1, clicked: 5 })).toEqual({ delivered: 66.7, errors: 33.3, read: 33.3, clicked: 100 });
  });
});

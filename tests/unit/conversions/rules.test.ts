import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashUserData, normalisePhone } from '@/lib/conversions/hashing';
import { classifyMetaAnswer } from '@/lib/conversions/platforms/meta';
import { conversionBodySchema, mappingsSchema } from '@/lib/conversions/schemas';
import { canTransition, statusAfter } from '@/lib/conversions/states';

const sha = (v: string) => createHash('sha256').update(v).digest('hex');

describe('the status machine', () => {
  it('follows the seed: Enviando → Sucesso | Falha | Esperando Retentativa; Esperando → Reenviando → …', () => {
    expect(canTransition('sending', 'succeeded')).toBe(true);
    expect(canTransition('sending', 'waiting_retry')).toBe(true);
    expect(canTransition('waiting_retry', 'resending')).toBe(true);
    expect(canTransition('resending', 'waiting_retry')).toBe(true);
    expect(canTransition('waiting_retry', 'succeeded')).toBe(false);
    expect(canTransition('succeeded', 'resending')).toBe(false);
    expect(canTransition('sending', 'resending')).toBe(false);
  });

  it('maps outcomes to statuses; a transient outcome past the window fails', () => {
    expect(statusAfter('success', false)).toBe('succeeded');
    expect(statusAfter('permanent', false)).toBe('failed');
    expect(statusAfter('transient', false)).toBe('waiting_retry');
    expect(statusAfter('transient', true)).toBe('failed');
  });
});

describe('user data hashing (Meta rules)', () => {
  it('normalises e-mail and phone before SHA-256, and passes hashes through', () => {
    expect(normalisePhone('+55 (011) 98765-4321')).toBe('55011987654321');
    expect(normalisePhone('0055 11 5555')).toBe('55115555');
    const hashed = hashUserData({ email: ' Ana@Exemplo.COM ', phone: '+55 11 98765-4321', clientIpAddress: '1.2.3.4' });
    expect(hashed).toEqual({ em: [sha('ana@exemplo.com')], ph: [sha('5511987654321')], client_ip_address: '1.2.3.4' });
    expect(hashUserData({ email: sha('x@y.z') }).em).toEqual([sha('x@y.z')]);
  });
});

describe('Meta answers', () => {
  it('treats 5xx, 429, is_transient and throttling codes as transient; invalid parameters and refused tokens as permanent', () => {
    expect(classifyMetaAnswer(200, '{}').outcome).toBe('success');
    expect(classifyMetaAnswer(503, '').outcome).toBe('transient');
    expect(classifyMetaAnswer(429, '').outcome).toBe('transient');
    expect(classifyMetaAnswer(400, JSON.stringify({ error: { code: 100, is_transient: true } })).outcome).toBe('transient');
    expect(classifyMetaAnswer(400, JSON.stringify({ error: { code: 4 } })).outcome).toBe('transient');
    expect(classifyMetaAnswer(400, JSON.stringify({ error: { code: 100, message: 'Invalid parameter' } }))).toMatchObject({ outcome: 'permanent', error: 'HTTP 400: #100 Invalid parameter' });
    expect(classifyMetaAnswer(401, JSON.stringify({ error: { code: 190 } })).outcome).toBe('permanent');
  });
});

describe('intake schema', () => {
  const one = { externalId: 'a', eventName: 'Purchase', eventTime: 1_700_000_000, user: { phone: '11 9999' } };
  it('takes one event or up to 1,000', () => {
    expect(conversionBodySchema.safeParse(one).success).toBe(true);
    expect(conversionBodySchema.safeParse(Array.from({ length: 1000 }, () => one)).success).toBe(true);
    expect(conversionBodySchema.safeParse(Array.from({ length: 1001 }, () => one)).success).toBe(false);
  });
  it('needs some customer data and rejects unknown fields', () => {
    expect(conversionBodySchema.safeParse({ ...one, user: {} }).success).toBe(false);
    expect(conversionBodySchema.safeParse({ ...one, extra: 1 }).success).toBe(false);
  });
  it('reads mappings one per line', () => {
    expect(mappingsSchema.parse('order.paid = Purchase\ncart.abandoned -> AddToCart\n')).toEqual([
      { storeEventType: 'order.paid', eventName: 'Purchase' },
      { storeEventType: 'cart.abandoned', eventName: 'AddToCart' },
    ]);
    expect(mappingsSchema.safeParse('bad line here').success).toBe(false);
  });
});

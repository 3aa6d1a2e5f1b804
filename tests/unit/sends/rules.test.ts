import fc from 'fast-check';
import parsePhoneNumberFromString from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '@/lib/sends/audience';
import { placeholders, renderText } from '@/lib/sends/render';
import { assertValidCron, cronOf, firstOccurrence, nextOccurrence, zonedLocalToInstant } from '@/lib/sends/schedule';
import { abortDecision } from '@/lib/sends/states';

const t = new Date('2026-01-01T00:00:00Z');

describe('abort rules (seed 002)', () => {
  it('draft: nothing to abort', () => {
    expect(abortDecision(null)).toEqual({ allowed: false, reason: 'draft' });
  });
  it('SCHEDULED and awaiting confirmation: aborted at once', () => {
    expect(abortDecision({ state: 'scheduled', abortRequestedAt: null, generationStartedAt: null })).toEqual({ allowed: true, outcome: 'aborted' });
    expect(abortDecision({ state: 'awaiting_confirmation', abortRequestedAt: null, generationStartedAt: null })).toEqual({ allowed: true, outcome: 'aborted' });
  });
  it('PROCESANDO: recorded once, then refused as already requested', () => {
    expect(abortDecision({ state: 'processing', abortRequestedAt: null, generationStartedAt: null })).toEqual({ allowed: true, outcome: 'recorded' });
    expect(abortDecision({ state: 'processing', abortRequestedAt: t, generationStartedAt: null })).toEqual({ allowed: false, reason: 'already_requested' });
  });
  it('IN-PROGRESS: aborted before generation, refused once it started', () => {
    expect(abortDecision({ state: 'in_progress', abortRequestedAt: null, generationStartedAt: null })).toEqual({ allowed: true, outcome: 'aborted' });
    expect(abortDecision({ state: 'in_progress', abortRequestedAt: null, generationStartedAt: t })).toEqual({ allowed: false, reason: 'generation_started' });
  });
  it.each(['done', 'failed', 'aborted', 'cancelled'] as const)('%s: refused (ended)', (state) => {
    expect(abortDecision({ state, abortRequestedAt: null, generationStartedAt: null })).toEqual({ allowed: false, reason: 'final' });
  });
});

describe('schedules in the account time zone', () => {
  const tz = 'America/Sao_Paulo'; // UTC-3, no DST since 2019
  it('a date-time is read in the account time zone', () => {
    expect(zonedLocalToInstant('2026-11-24T09:00', tz).toISOString()).toBe('2026-11-24T12:00:00.000Z');
  });
  it('now and at', () => {
    expect(firstOccurrence({ kind: 'now' }, tz, t)).toEqual(t);
    const at = new Date('2026-02-01T10:00:00Z');
    expect(firstOccurrence({ kind: 'at', at }, tz, t)).toEqual(at);
  });
  it('daily: the next 09:00 local, strictly after', () => {
    const s = { kind: 'daily', time: '09:00' } as const;
    expect(nextOccurrence(s, tz, new Date('2026-11-24T11:59:00Z')).toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(nextOccurrence(s, tz, new Date('2026-11-24T12:00:00Z')).toISOString()).toBe('2026-11-25T12:00:00.000Z');
  });
  it('weekly: the chosen weekdays only', () => {
    const s = { kind: 'weekly' as const, time: '18:30', weekdays: [1, 5] }; // Monday, Friday
    expect(cronOf(s)).toBe('30 18 * * 1,5');
    // 2026-11-24 is a Tuesday: next is Friday 27th 18:30 local = 21:30Z.
    expect(nextOccurrence(s, tz, new Date('2026-11-24T12:00:00Z')).toISOString()).toBe('2026-11-27T21:30:00.000Z');
  });
  it('cron in the account time zone, and invalid expressions are rejected', () => {
    expect(nextOccurrence({ kind: 'cron', expression: '0 8 1 * *' }, tz, new Date('2026-11-24T12:00:00Z')).toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(() => assertValidCron('0 8 * *')).toThrow();
    expect(() => assertValidCron('99 8 * * *')).toThrow();
  });
});

describe('audience fields', () => {
  it('normalises phones to E.164 and explains bad ones', () => {
    expect(normalizePhone('(11) 98765-4321')).toEqual({ phone: '+5511987654321' });
    expect(normalizePhone('+1 415 555 2671')).toEqual({ phone: '+14155552671' });
    expect(normalizePhone('')).toEqual({ error: 'Telefone vazio' });
    expect(normalizePhone('12345')).toMatchObject({ error: expect.stringContaining('Telefone inválido') });
  });
  it('renders placeholders with name, phone and columns; unknown ones empty', () => {
    const r = { phone: '+5511987654321', name: 'Ana', vars: { cupom: 'X1' } };
    expect(renderText('Oi {{ nome }}, {{cupom}} {{telefone}}{{nada}}!', r)).toBe('Oi Ana, X1 +5511987654321!');
    expect(renderText('{{contact.name}}/{{contact.phone}}/{{data.cupom}}/{{store.name}}', { ...r, storeName: 'Loja' })).toBe('Ana/+5511987654321/X1/Loja');
    expect(placeholders('{{a}} {{ a }} {{a}}')).toEqual([
      { token: '{{a}}', key: 'a' },
      { token: '{{ a }}', key: 'a' },
    ]);
  });
});

describe('phone fast path agrees with libphonenumber', () => {
  it('for any Brazilian-looking number, written in any common way', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 99 }),
        fc.constantFrom('9', '8', '3', '7'),
        digits(8),
        fc.constantFrom('+55', '55', '0', '', '+55 '),
        fc.boolean(),
        (ddd, lead, rest, prefix, pretty) => {
          const national = `${ddd}${lead}${rest}`;
          const text = pretty ? `${prefix}(${ddd}) ${lead}${rest.slice(0, 4)}-${rest.slice(4)}` : `${prefix}${national}`;
          const parsed = parsePhoneNumberFromString(text, 'BR');
          const expected = parsed?.isValid() ? { phone: parsed.number } : 'invalid';
          const got = normalizePhone(text);
          expect('phone' in got ? got : 'invalid').toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

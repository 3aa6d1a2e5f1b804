import { afterEach, describe, expect, it } from 'vitest';
import { takeToken } from '@/lib/api/rate-limit';
import { fixedClock, useClock } from '@/lib/clock';
import { bodyHash, stableStringify } from '@/lib/events/hash';
import { canTransition, EVENT_STATUSES } from '@/lib/events/schemas';
import { buildTimeline } from '@/lib/events/timeline';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('rate limit', () => {
  it('allows bursts of twice the rate, then the rate per second', () => {
    const clock = fixedClock(new Date('2100-01-01T00:00:00Z'));
    restore = useClock(clock);
    const key = `k-${Math.random()}`;
    const burst = Array.from({ length: 12 }, () => takeToken(key, 5));
    expect(burst.filter(Boolean)).toHaveLength(10);
    clock.advance(400); // 2 tokens
    expect([takeToken(key, 5), takeToken(key, 5), takeToken(key, 5)]).toEqual([true, true, false]);
  });
});

describe('body hash', () => {
  it('ignores key order and undefined fields but not values', () => {
    expect(stableStringify({ b: 1, a: { d: [1, 2], c: undefined } })).toBe('{"a":{"d":[1,2]},"b":1}');
    expect(bodyHash({ a: 1, b: 2 })).toBe(bodyHash({ b: 2, a: 1 }));
    expect(bodyHash({ a: 1 })).not.toBe(bodyHash({ a: 2 }));
  });
});

describe('event status machine', () => {
  it('finishes only from pending or pending delivery, and only a recovered message reopens an ignored event', () => {
    expect(canTransition('pending', 'pending_delivery')).toBe(true);
    expect(canTransition('pending', 'not_considered')).toBe(true);
    expect(canTransition('pending_delivery', 'sent')).toBe(true);
    expect(canTransition('ignored', 'pending_delivery')).toBe(true);
    for (const to of EVENT_STATUSES) {
      expect(canTransition('sent', to)).toBe(false);
      expect(canTransition('not_considered', to)).toBe(false);
    }
    expect(canTransition('pending_delivery', 'pending')).toBe(false);
  });
});

describe('timeline', () => {
  const t = (s: number) => new Date(Date.UTC(2100, 0, 1, 0, 0, s));
  it('goes received → template → queued → sent', () => {
    const steps = buildTimeline({ status: 'sent', statusReason: null, receivedAt: t(0), processedAt: t(1), finishedAt: t(9), templateName: 'Pago', messageEnqueuedAt: t(1), instanceName: 'Principal' });
    expect(steps.map((s) => s.step)).toEqual(['received', 'template', 'queued', 'sent']);
    expect(steps[3]!.at).toEqual(t(9));
  });
  it('ends with the reason when not considered', () => {
    const steps = buildTimeline({ status: 'not_considered', statusReason: 'sem modelo', receivedAt: t(0), processedAt: t(1), finishedAt: t(1), templateName: null, messageEnqueuedAt: null, instanceName: null });
    expect(steps.map((s) => [s.step, s.detail])).toEqual([
      ['received', null],
      ['not_considered', 'sem modelo'],
    ]);
  });
});

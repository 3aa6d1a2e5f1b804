import { describe, expect, it } from 'vitest';
import { dayKey, dayWindow, lastDays, nextReset } from '@/lib/queue/day-window';

const d = (iso: string) => new Date(iso);

describe('daily windows (reset at 21:00 UTC by default)', () => {
  it('day D is [D−1 21:00, D 21:00) UTC', () => {
    expect(dayKey(d('2026-05-01T20:59:59.999Z'), 21)).toBe('2026-05-01');
    expect(dayKey(d('2026-05-01T21:00:00.000Z'), 21)).toBe('2026-05-02');
    expect(dayKey(d('2026-05-02T00:00:00.000Z'), 21)).toBe('2026-05-02');
    expect(dayWindow('2026-05-02', 21)).toEqual({ start: d('2026-05-01T21:00:00.000Z'), end: d('2026-05-02T21:00:00.000Z') });
  });

  it('crosses month and year ends', () => {
    expect(dayKey(d('2026-12-31T21:00:00.000Z'), 21)).toBe('2027-01-01');
    expect(dayKey(d('2026-02-28T21:30:00.000Z'), 21)).toBe('2026-03-01');
    expect(dayKey(d('2028-02-28T21:30:00.000Z'), 21)).toBe('2028-02-29');
  });

  it('next reset is the end of the current window', () => {
    expect(nextReset(d('2026-05-01T10:00:00Z'), 21)).toEqual(d('2026-05-01T21:00:00Z'));
    expect(nextReset(d('2026-05-01T21:00:00Z'), 21)).toEqual(d('2026-05-02T21:00:00Z'));
    expect(nextReset(d('2026-05-01T20:59:59.999Z'), 21)).toEqual(d('2026-05-01T21:00:00Z'));
  });

  it('other reset hours: 0 is the UTC calendar day, 3 starts at 03:00', () => {
    expect(dayKey(d('2026-05-01T00:00:00Z'), 0)).toBe('2026-05-01');
    expect(dayKey(d('2026-05-01T23:59:59Z'), 0)).toBe('2026-05-01');
    expect(dayWindow('2026-05-01', 0)).toEqual({ start: d('2026-05-01T00:00:00Z'), end: d('2026-05-02T00:00:00Z') });
    expect(dayKey(d('2026-05-01T02:59:59Z'), 3)).toBe('2026-05-01');
    expect(dayKey(d('2026-05-01T03:00:00Z'), 3)).toBe('2026-05-02');
    expect(nextReset(d('2026-05-01T03:00:00Z'), 3)).toEqual(d('2026-05-02T03:00:00Z'));
  });

  it('every instant lies in the window of its own day', () => {
    for (const hour of [0, 1, 12, 21, 23]) {
      for (let ms = 0; ms < 3 * 86_400_000; ms += 1_234_567) {
        const at = new Date(Date.UTC(2026, 0, 30) + ms);
        const w = dayWindow(dayKey(at, hour), hour);
        expect(w.start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime()).toBeLessThan(w.end.getTime());
        expect(w.start.getUTCHours()).toBe(hour);
      }
    }
  });

  it('the last 7 days end with today, oldest first', () => {
    expect(lastDays(d('2026-05-01T22:00:00Z'), 21, 7)).toEqual(['2026-04-26', '2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01', '2026-05-02']);
  });

  it('refuses impossible hours and days', () => {
    expect(() => dayKey(new Date(), 24)).toThrow(RangeError);
    expect(() => dayKey(new Date(), -1)).toThrow(RangeError);
    expect(() => dayWindow('not-a-day', 21)).toThrow(RangeError);
  });
});

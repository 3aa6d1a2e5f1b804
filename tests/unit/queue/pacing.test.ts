import { describe, expect, it } from 'vitest';
import { afterFailure, backoffMs, estimatedFinishMs, intervalMsFromSeconds, MAX_ATTEMPTS, maySendAt, nextSendAt } from '@/lib/queue/pacing';

const t = new Date('2026-05-01T10:00:00.000Z');
const at = (ms: number) => new Date(t.getTime() + ms);
const idle = { nextSendAt: t, inFlight: false, connected: true, paused: false, sentToday: 0, dailyLimit: null };

describe('pacing', () => {
  it('next send is one interval after the last start, never less than 0.1 s', () => {
    expect(nextSendAt(t, 2500)).toEqual(at(2500));
    expect(nextSendAt(t, 100)).toEqual(at(100));
    expect(nextSendAt(t, 20)).toEqual(at(100));
  });

  it('an instance may send only when due, idle, connected, unpaused and under its daily limit', () => {
    expect(maySendAt(t, idle)).toBe(true);
    expect(maySendAt(at(-1), idle)).toBe(false);
    expect(maySendAt(at(1), idle)).toBe(true);
    expect(maySendAt(t, { ...idle, inFlight: true })).toBe(false);
    expect(maySendAt(t, { ...idle, connected: false })).toBe(false);
    expect(maySendAt(t, { ...idle, paused: true })).toBe(false);
    expect(maySendAt(t, { ...idle, dailyLimit: 10, sentToday: 9 })).toBe(true);
    expect(maySendAt(t, { ...idle, dailyLimit: 10, sentToday: 10 })).toBe(false);
  });

  it('backs off 5 s, 20 s, 80 s… capped at 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 10].map(backoffMs)).toEqual([5_000, 20_000, 80_000, 300_000, 300_000, 300_000]);
  });

  it('a transient failure goes back with backoff until the third attempt, then fails', () => {
    expect(MAX_ATTEMPTS).toBe(3);
    expect(afterFailure('transient', 1, t)).toEqual({ state: 'queued', availableAt: at(5_000) });
    expect(afterFailure('transient', 2, t)).toEqual({ state: 'queued', availableAt: at(20_000) });
    expect(afterFailure('transient', 3, t)).toEqual({ state: 'failed' });
  });

  it('a permanent failure fails at once', () => {
    expect(afterFailure('permanent', 1, t)).toEqual({ state: 'failed' });
  });

  it('estimated finish is interval × queue size; intervals come from decimal seconds', () => {
    expect(estimatedFinishMs(1500, 400)).toBe(600_000);
    expect(intervalMsFromSeconds(0.1)).toBe(100);
    expect(intervalMsFromSeconds(2.5)).toBe(2500);
  });
});

/**
 * Daily sending windows (SPEC §2): each day's count starts at `resetHour`:00 UTC
 * (POMBO_DAILY_RESET_UTC_HOUR, default 21). Day D is [D−1 21:00 UTC, D 21:00 UTC), so the day is
 * named after the calendar date on which it ends. With a reset hour of 0, day D is simply the UTC
 * calendar day D. Pure functions: callers pass the time (from lib/clock) and the hour.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Hours to add to a UTC instant so that its UTC calendar date is the window's name. */
function shiftHours(resetHour: number): number {
  if (!Number.isInteger(resetHour) || resetHour < 0 || resetHour > 23) throw new RangeError(`reset hour must be 0–23, got ${resetHour}`);
  return (24 - resetHour) % 24;
}

/** The day (YYYY-MM-DD) that contains `at`. */
export function dayKey(at: Date, resetHour: number): string {
  return new Date(at.getTime() + shiftHours(resetHour) * HOUR).toISOString().slice(0, 10);
}

/** [start, end) of the named day, as UTC instants. */
export function dayWindow(day: string, resetHour: number): { start: Date; end: Date } {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(midnight)) throw new RangeError(`not a day: ${day}`);
  const start = midnight - shiftHours(resetHour) * HOUR;
  return { start: new Date(start), end: new Date(start + DAY) };
}

/** When the window containing `at` ends, i.e. when today's count goes back to zero. */
export function nextReset(at: Date, resetHour: number): Date {
  return dayWindow(dayKey(at, resetHour), resetHour).end;
}

/** The `count` days ending with the one containing `at`, oldest first. */
export function lastDays(at: Date, resetHour: number, count: number): string[] {
  const today = Date.parse(`${dayKey(at, resetHour)}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(today - (count - 1 - i) * DAY).toISOString().slice(0, 10));
}

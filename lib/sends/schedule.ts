import { CronExpressionParser } from 'cron-parser';
import { fromZonedTime } from 'date-fns-tz';

/** When a configuration sends: once (now or at a date-time) or recurring (daily, weekly, cron). */
export type Schedule =
  | { kind: 'now' }
  | { kind: 'at'; at: Date }
  | { kind: 'daily'; time: string }
  | { kind: 'weekly'; time: string; weekdays: number[] }
  | { kind: 'cron'; expression: string };

export function isRecurring(s: Schedule): s is Extract<Schedule, { kind: 'daily' | 'weekly' | 'cron' }> {
  return s.kind === 'daily' || s.kind === 'weekly' || s.kind === 'cron';
}

/** Daily and weekly schedules are cron expressions too ("mm HH * * d,…"). */
export function cronOf(s: Extract<Schedule, { kind: 'daily' | 'weekly' | 'cron' }>): string {
  if (s.kind === 'cron') return s.expression.trim();
  const [h, m] = s.time.split(':').map(Number);
  const days = s.kind === 'weekly' ? [...new Set(s.weekdays)].sort().join(',') : '*';
  return `${m} ${h} * * ${days}`;
}

/** Throws (with the parser's message) when the expression is not a valid 5-field cron. */
export function assertValidCron(expression: string): void {
  if (expression.trim().split(/\s+/).length !== 5) throw new Error('Use 5 campos: minuto hora dia mês dia-da-semana.');
  CronExpressionParser.parse(expression.trim(), { tz: 'UTC' });
}

/** The first occurrence strictly after `after`, in the account's time zone. */
export function nextOccurrence(s: Extract<Schedule, { kind: 'daily' | 'weekly' | 'cron' }>, timeZone: string, after: Date): Date {
  return CronExpressionParser.parse(cronOf(s), { currentDate: after, tz: timeZone }).next().toDate();
}

/** When the first run is due once the configuration is confirmed at `now`. */
export function firstOccurrence(s: Schedule, timeZone: string, now: Date): Date {
  switch (s.kind) {
    case 'now':
      return now;
    case 'at':
      return s.at;
    default:
      return nextOccurrence(s, timeZone, now);
  }
}

/** A wall-clock "2026-11-24T09:00" in the account's time zone, as an instant. */
export function zonedLocalToInstant(local: string, timeZone: string): Date {
  return fromZonedTime(local, timeZone);
}

import { useLocale, useTranslations } from 'next-intl';
import type { Schedule } from '@/lib/sends/schedule';

/** A date-time in the account's time zone, in the reader's language. */
export function useDateTime(timeZone: string) {
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone });
  return (d: Date | string) => format.format(new Date(d));
}

export function ScheduleLabel({ schedule, timeZone }: { schedule: Schedule; timeZone: string }) {
  const t = useTranslations('sends');
  const dateTime = useDateTime(timeZone);
  switch (schedule.kind) {
    case 'now':
      return <>{t('schedule.now')}</>;
    case 'at':
      return <>{t('schedule.at', { at: dateTime(schedule.at) })}</>;
    case 'daily':
      return <>{t('schedule.daily', { time: schedule.time })}</>;
    case 'weekly':
      return <>{t('schedule.weekly', { time: schedule.time, days: schedule.weekdays.map((d) => t(`weekday.${d}` as 'weekday.0')).join(', ') })}</>;
    case 'cron':
      return <>{t('schedule.cron', { expression: schedule.expression })}</>;
  }
}

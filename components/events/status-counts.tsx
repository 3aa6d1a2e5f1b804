import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EVENT_STATUSES, type EventStatus } from '@/lib/events/schemas';
import { cn } from '@/lib/utils';

/** The six status counts under the current filters; each card filters the list by its status. */
export async function StatusCounts({ counts, active, hrefFor }: { counts: Record<EventStatus, number>; active?: EventStatus; hrefFor: (s?: EventStatus) => string }) {
  const [t, format] = await Promise.all([getTranslations('events'), getFormatter()]);
  return (
    <section aria-label={t('counts')} className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      {EVENT_STATUSES.map((s) => (
        <Link
          key={s}
          href={hrefFor(active === s ? undefined : s)}
          aria-current={active === s ? 'true' : undefined}
          title={t(`statusHelp.${s}`)}
          data-testid={`count-${s}`}
          className={cn(
            'flex flex-col gap-1 rounded-lg border bg-card p-3 transition-colors hover:bg-accent',
            active === s && 'border-primary ring-2 ring-primary/30',
          )}
        >
          <span className="text-xs text-muted-foreground">{t(`status.${s}`)}</span>
          <span className="text-2xl font-semibold tabular-nums">{format.number(counts[s])}</span>
        </Link>
      ))}
    </section>
  );
}

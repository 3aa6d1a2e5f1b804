import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { CONVERSION_STATUSES, type ConversionStatus } from '@/lib/conversions/states';
import { cn } from '@/lib/utils';

/** One tile per status; each filters the list by that status (again: back to all). */
export function ConversionCounts({ counts, active, query }: { counts: Record<ConversionStatus, number>; active?: ConversionStatus; query: URLSearchParams }) {
  const t = useTranslations('conversions');
  const format = useFormatter();
  const hrefFor = (status: ConversionStatus) => {
    const q = new URLSearchParams(query);
    q.delete('cursor');
    if (active === status) q.delete('status');
    else q.set('status', status);
    const s = q.toString();
    return s ? `/conversions?${s}` : '/conversions';
  };
  return (
    <nav aria-label={t('countsLabel')} className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      {CONVERSION_STATUSES.map((status) => (
        <Link
          key={status}
          href={hrefFor(status)}
          aria-current={active === status ? 'true' : undefined}
          data-testid={`count-${status}`}
          className={cn(
            'flex flex-col gap-1 rounded-lg border p-3 transition-colors hover:bg-accent',
            active === status && 'border-primary bg-accent',
          )}
        >
          <span className="text-xs text-muted-foreground">{t(`status.${status}`)}</span>
          <span className="text-2xl font-semibold tabular-nums">{format.number(counts[status])}</span>
        </Link>
      ))}
    </nav>
  );
}

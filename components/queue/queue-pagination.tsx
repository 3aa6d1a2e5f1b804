import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** Keyset pages: links carry the filter and a cursor, so the live refresh stays on the same page. */
export function QueuePagination({ base, params, prev, next }: { base: string; params: Record<string, string>; prev: string | null; next: string | null }) {
  const t = useTranslations('queue');
  const href = (cursor: Record<string, string>) => `${base}?${new URLSearchParams({ ...params, ...cursor })}`;
  const atStart = !prev;
  return (
    <nav aria-label={t('pagination')} className="flex flex-wrap items-center justify-end gap-2">
      {!atStart && (
        <Button asChild variant="ghost" size="sm">
          <Link href={`${base}?${new URLSearchParams(params)}`}>{t('firstPage')}</Link>
        </Button>
      )}
      {prev ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href({ before: prev })}>
            <ChevronLeft aria-hidden /> {t('previous')}
          </Link>
        </Button>
      ) : (
        <Button variant="outline" size="sm" disabled>
          <ChevronLeft aria-hidden /> {t('previous')}
        </Button>
      )}
      {next ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href({ after: next })}>
            {t('next')} <ChevronRight aria-hidden />
          </Link>
        </Button>
      ) : (
        <Button variant="outline" size="sm" disabled>
          {t('next')} <ChevronRight aria-hidden />
        </Button>
      )}
    </nav>
  );
}

import { Target } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ConversionCounts } from '@/components/conversions/conversion-counts';
import { ConversionFilters } from '@/components/conversions/conversion-filters';
import { ConversionsTable } from '@/components/conversions/conversions-table';
import { AutoRefresh } from '@/components/shell/auto-refresh';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { countByStatus, listConversions, listFilterOptions } from '@/lib/conversions/queries';
import { listFiltersSchema } from '@/lib/conversions/schemas';

export const metadata: Metadata = { title: 'Eventos de conversão' };

/** "Eventos de conversão": counts per status, filters, the list with details and "Reenviar agora"; refreshes itself. */
export default async function ConversionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const filters = listFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { cursor, status, ...scope } = filters;
  const t = await getTranslations('conversions');
  const [counts, page, options] = await Promise.all([countByStatus(actor, scope), listConversions(actor, filters), listFilterOptions(actor)]);
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'cursor'));
  const filtered = query.size > 0;
  const next = page.nextCursor ? `/conversions?${new URLSearchParams({ ...Object.fromEntries(query), cursor: page.nextCursor })}` : null;
  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh seconds={5} />
      <PageHeader title={t('title')} description={t('description')} />
      <ConversionCounts counts={counts} active={status} query={query} />
      <ConversionFilters destinations={options.destinations} stores={options.stores} />
      {page.rows.length === 0 ? (
        <EmptyState icon={<Target />} title={filtered ? t('emptyFiltered') : t('emptyTitle')} description={filtered ? undefined : t('emptyDescription')} />
      ) : (
        <ConversionsTable
          key={cursor ?? 'first'}
          canResend={can(actor.role, 'startDeliveries')}
          items={page.rows.map((r) => ({
            id: r.id,
            externalId: r.externalId,
            eventName: r.eventName,
            status: r.status,
            attempts: r.attempts,
            lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
            nextAttemptAt: r.nextAttemptAt.toISOString(),
            failureReason: r.failureReason,
            createdAt: r.createdAt.toISOString(),
            destinationName: r.destinationName,
            storeName: r.storeName,
          }))}
        />
      )}
      {(next || cursor) && (
        <div className="flex gap-2">
          {cursor && (
            <Button asChild variant="outline">
              <Link href={filtered ? `/conversions?${query}` : '/conversions'}>{t('firstPage')}</Link>
            </Button>
          )}
          {next && (
            <Button asChild variant="outline">
              <Link href={next}>{t('nextPage')}</Link>
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

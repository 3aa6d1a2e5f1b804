import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EventsFilters } from '@/components/events/events-filters';
import { EventsTable } from '@/components/events/events-table';
import { StatusCounts } from '@/components/events/status-counts';
import { AutoRefresh } from '@/components/shell/auto-refresh';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireActor } from '@/lib/auth/session';
import { eventFiltersSchema, listEvents, recentEventTypes, type EventFilters } from '@/lib/events/list';
import type { EventStatus } from '@/lib/events/schemas';
import { listStores } from '@/lib/stores/queries';

export const metadata: Metadata = { title: 'Eventos' };

function hrefWith(filters: EventFilters, change: Partial<EventFilters>): string {
  const merged = { ...filters, after: undefined, ...change };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v && !(k === 'period' && v === '7d')) q.set(k, String(v));
  return `/events${q.size ? `?${q}` : ''}`;
}

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const filters = eventFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [t, page, types, stores] = await Promise.all([getTranslations('events'), listEvents(actor, filters), recentEventTypes(actor), listStores(actor)]);
  return (
    <div className="flex flex-col gap-6">
      {!filters.after && <AutoRefresh seconds={10} />}
      <PageHeader title={t('title')} description={t('description')} />
      <StatusCounts counts={page.counts} active={filters.status} hrefFor={(s?: EventStatus) => hrefWith(filters, { status: s })} />
      <EventsFilters
        key={JSON.stringify(filters)}
        values={{ status: filters.status, type: filters.type, store: filters.store, period: filters.period }}
        types={filters.type && !types.includes(filters.type) ? [filters.type, ...types] : types}
        stores={stores.map((s) => ({ id: s.id, name: s.name }))}
      />
      {page.rows.length === 0 ? (
        <EmptyState title={t('emptyTitle')} description={t('emptyDescription')} />
      ) : (
        <EventsTable rows={page.rows} />
      )}
      <nav className="flex flex-wrap justify-end gap-2" aria-label={t('title')}>
        {filters.after && (
          <Button asChild variant="outline">
            <Link href={hrefWith(filters, {})}>{t('first')}</Link>
          </Button>
        )}
        {page.next && (
          <Button asChild variant="outline">
            <Link href={hrefWith(filters, { after: page.next })}>{t('next')}</Link>
          </Button>
        )}
      </nav>
    </div>
  );
}

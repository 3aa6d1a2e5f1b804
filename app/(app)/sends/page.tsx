import { CalendarClock, Plus } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SendsTable } from '@/components/sends/sends-table';
import { SendStateFilter } from '@/components/sends/state-filter';
import { AutoRefresh } from '@/components/shell/auto-refresh';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { listSends } from '@/lib/sends/queries';
import { listFilterSchema } from '@/lib/sends/schemas';

export const metadata: Metadata = { title: 'Programar Envios' };

export default async function SendsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  const t = await getTranslations('sends');
  const filter = listFilterSchema.parse(await searchParams);
  const { rows, nextCursor } = await listSends(actor, filter);
  const canEdit = can(actor.role, 'editContent');
  const newButton = canEdit && (
    <Button asChild>
      <Link href="/sends/new">
        <Plus aria-hidden /> {t('new')}
      </Link>
    </Button>
  );
  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh seconds={5} />
      <PageHeader title={t('title')} description={t('description')} actions={newButton} />
      <section aria-labelledby="sends-list" className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <h2 id="sends-list" className="text-lg font-semibold">
            {t('list')}
          </h2>
          <SendStateFilter value={filter.state} />
        </div>
        {rows.length === 0 ? (
          <EmptyState icon={<CalendarClock />} title={filter.state ? t('emptyFiltered') : t('empty')} description={filter.state ? undefined : t('emptyDescription')}>
            {!filter.state && newButton}
          </EmptyState>
        ) : (
          <SendsTable rows={rows} canAbort={can(actor.role, 'startDeliveries')} canEdit={canEdit} forbiddenReason={t('forbiddenAbort')} />
        )}
        {nextCursor && (
          <Button variant="outline" asChild className="self-center">
            <Link href={`/sends?${new URLSearchParams({ ...(filter.state ? { state: filter.state } : {}), cursor: nextCursor })}`}>{t('more')}</Link>
          </Button>
        )}
      </section>
    </div>
  );
}

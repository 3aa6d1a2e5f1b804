import { Inbox } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InstanceNav } from '@/components/instances/instance-nav';
import { QueueFilters } from '@/components/queue/queue-filters';
import { QueueOverview } from '@/components/queue/queue-overview';
import { QueuePagination } from '@/components/queue/queue-pagination';
import { QueueTable } from '@/components/queue/queue-table';
import { QueueToolbar } from '@/components/queue/queue-toolbar';
import { SentChart } from '@/components/queue/sent-chart';
import { AutoRefresh } from '@/components/shell/auto-refresh';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { loadOrNotFound } from '@/lib/page-load';
import { loadQueueScreen, parseQueueParams } from '@/lib/queue/screen';

export const metadata: Metadata = { title: 'Fila de envios' };

export default async function QueuePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const t = await getTranslations('queue');
  const filters = parseQueueParams(query);
  const screen = await loadOrNotFound(id, () => loadQueueScreen(actor, id, filters));
  const canAct = can(actor.role, 'startDeliveries');
  const base = `/instances/${id}/queue`;
  const keep: Record<string, string> = { estado: filters.filter, ...(filters.q ? { q: filters.q } : {}) };
  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh seconds={3} />
      <PageHeader title={t('title')} description={t('description', { name: screen.instance.name })} />
      <InstanceNav instanceId={id} current="queue" />
      <Card className="gap-2">
        <CardHeader>
          <CardTitle>
            <h2>{t('chartTitle')}</h2>
          </CardTitle>
          <CardDescription>{t('chartDescription')}</CardDescription>
        </CardHeader>
        <CardContent>
          <SentChart days={screen.chart} />
        </CardContent>
      </Card>
      <QueueOverview overview={screen.overview} />
      <section aria-labelledby="list-title" className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
          <h2 id="list-title" className="text-lg font-semibold">
            {t('listTitle')}
          </h2>
          <QueueToolbar instanceId={id} canAct={canAct} open={screen.operations.open} last={screen.operations.last} />
        </div>
        <QueueFilters filter={filters.filter} q={filters.q} />
        {screen.page.rows.length === 0 ? (
          <EmptyState icon={<Inbox />} title={t('emptyTitle')} description={filters.q ? t('emptySearch') : t('emptyDescription')} />
        ) : (
          <QueueTable instanceId={id} rows={screen.page.rows} canAct={canAct} />
        )}
        <QueuePagination base={base} params={keep} prev={screen.page.prev} next={screen.page.next} />
      </section>
    </div>
  );
}

import { Radio } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InstanceFormDialog } from '@/components/instances/instance-form-dialog';
import { InstancesTable } from '@/components/instances/instances-table';
import { AutoRefresh } from '@/components/shell/auto-refresh';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { listInstances } from '@/lib/instances/queries';
import { listStores } from '@/lib/stores/queries';

export const metadata: Metadata = { title: 'Instâncias' };

export default async function InstancesPage() {
  const actor = await requireActor();
  const t = await getTranslations('instances');
  const manage = can(actor.role, 'manageInstances');
  const [instances, stores] = await Promise.all([listInstances(actor), listStores(actor)]);
  const create = manage ? <InstanceFormDialog stores={stores.map((s) => ({ id: s.id, name: s.name }))} /> : null;
  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh seconds={5} />
      <PageHeader title={t('title')} description={manage ? t('description') : `${t('description')} ${t('readOnly')}`} actions={create} />
      {instances.length === 0 ? (
        <EmptyState icon={<Radio />} title={t('emptyTitle')} description={t('emptyDescription')}>
          {create}
        </EmptyState>
      ) : (
        <InstancesTable instances={instances} />
      )}
    </div>
  );
}

import { Store } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StoreNameDialog } from '@/components/stores/store-name-dialog';
import { StoresTable } from '@/components/stores/stores-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { listStores } from '@/lib/stores/queries';

export const metadata: Metadata = { title: 'Lojas' };

export default async function StoresPage() {
  const actor = await requireActor();
  const t = await getTranslations('stores');
  const edit = can(actor.role, 'editContent');
  const stores = await listStores(actor);
  const create = edit ? <StoreNameDialog /> : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('title')} description={edit ? t('description') : `${t('description')} ${t('readOnly')}`} actions={create} />
      {stores.length === 0 ? (
        <EmptyState icon={<Store />} title={t('emptyTitle')} description={t('emptyDescription')}>
          {create}
        </EmptyState>
      ) : (
        <StoresTable stores={stores} />
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConversionDestinationsSection } from '@/components/stores/conversion-destinations-section';
import { DeleteStoreButton } from '@/components/stores/delete-store-button';
import { StoreCredentialsSection } from '@/components/stores/store-credentials-section';
import { StoreEventsSection } from '@/components/stores/store-events-section';
import { StoreInstancesSection } from '@/components/stores/store-instances-section';
import { StoreNameDialog } from '@/components/stores/store-name-dialog';
import { AutoRefresh } from '@/components/shell/auto-refresh';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { loadOrNotFound } from '@/lib/page-load';
import { getStoreDetail } from '@/lib/stores/queries';

export const metadata: Metadata = { title: 'Loja' };

/** The store page: a stack of independent sections (instances now; keys and events join later). */
export default async function StorePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const t = await getTranslations('stores');
  const { store, instances, available } = await loadOrNotFound(id, () => getStoreDetail(actor, id));
  const edit = can(actor.role, 'editContent');
  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh seconds={5} />
      <PageHeader
        title={store.name}
        description={edit ? t('description') : t('readOnly')}
        actions={
          edit ? (
            <>
              <StoreNameDialog store={store} />
              <DeleteStoreButton store={store} />
            </>
          ) : null
        }
      />
      <StoreInstancesSection storeId={store.id} instances={instances} available={available} canConnect={can(actor.role, 'manageInstances')} />
      <StoreCredentialsSection actor={actor} storeId={store.id} />
      <StoreEventsSection actor={actor} storeId={store.id} />
      <ConversionDestinationsSection actor={actor} storeId={store.id} />
    </div>
  );
}

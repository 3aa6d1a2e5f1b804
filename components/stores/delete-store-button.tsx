'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/shell/confirm-button';
import { deleteStoreAction } from '@/lib/stores/actions';

/** "Excluir loja": refused (and the reason toasted) while its messages wait in a queue. */
export function DeleteStoreButton({ store }: { store: { id: string; name: string } }) {
  const t = useTranslations('stores');
  const router = useRouter();
  return (
    <ConfirmButton
      label={t('delete')}
      title={t('deleteTitle', { name: store.name })}
      description={t('deleteDescription')}
      confirmLabel={t('deleteConfirm')}
      onConfirm={async () => {
        const result = await deleteStoreAction({ storeId: store.id });
        if (result.ok) router.push('/stores');
        return result;
      }}
      successMessage={t('deleted')}
    />
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { ConfirmButton } from '@/components/shell/confirm-button';
import { Button } from '@/components/ui/button';
import { deleteDestinationAction, setDestinationActiveAction, testDestinationAction } from '@/lib/conversions/actions';

/** "Testar conexão", pause/activate and delete (confirmed) for one destination. */
export function DestinationControls({ destination }: { destination: { id: string; name: string; active: boolean } }) {
  const t = useTranslations('conversions.destinations');
  const [pending, startTransition] = useTransition();
  const test = () =>
    startTransition(async () => {
      const r = await testDestinationAction({ destinationId: destination.id });
      if (!r.ok) toast.error(r.message);
      else if (r.data.ok) toast.success(t('testOk', { status: r.data.httpStatus ?? 200, ms: r.data.durationMs }));
      else toast.error(t('testFailed', { error: r.data.error ?? '' }));
    });
  const toggle = () =>
    startTransition(async () => {
      const r = await setDestinationActiveAction({ destinationId: destination.id, active: !destination.active });
      if (r.ok) toast.success(destination.active ? t('deactivated') : t('activated'));
      else toast.error(r.message);
    });
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="outline" size="sm" onClick={test} disabled={pending} aria-label={t('testLabel', { name: destination.name })}>
        {t('test')}
      </Button>
      <Button variant="outline" size="sm" onClick={toggle} disabled={pending}>
        {destination.active ? t('deactivate') : t('activate')}
      </Button>
      <ConfirmButton
        label={t('delete')}
        title={t('deleteTitle', { name: destination.name })}
        description={t('deleteDescription')}
        confirmLabel={t('delete')}
        onConfirm={() => deleteDestinationAction({ destinationId: destination.id })}
        successMessage={t('deleted')}
      />
    </div>
  );
}

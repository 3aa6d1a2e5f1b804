'use client';

import { Link2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmButton } from '@/components/shell/confirm-button';
import { useToastedAction } from '@/components/shell/use-toasted-action';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { connectStoreInstanceAction, disconnectStoreInstanceAction } from '@/lib/stores/actions';

export function ConnectInstanceForm({ storeId, available }: { storeId: string; available: { id: string; name: string }[] }) {
  const t = useTranslations('stores');
  const [instanceId, setInstanceId] = useState('');
  const { pending, run } = useToastedAction();
  if (available.length === 0) return <p className="text-sm text-muted-foreground">{t('noneAvailable')}</p>;
  return (
    <form
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        if (!instanceId) return;
        run(() => connectStoreInstanceAction({ storeId, instanceId }), { success: t('connectedToast'), then: () => setInstanceId(''), refresh: false });
      }}
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor="connect-instance">{t('connectInstance')}</Label>
        <Select value={instanceId} onValueChange={setInstanceId}>
          <SelectTrigger id="connect-instance" className="w-full sm:w-64">
            <SelectValue placeholder={t('chooseInstance')} />
          </SelectTrigger>
          <SelectContent>
            {available.map((i) => (
              <SelectItem key={i.id} value={i.id}>
                {i.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <Button type="submit" disabled={pending || !instanceId}>
        <Link2 aria-hidden /> {t('connect')}
      </Button>
    </form>
  );
}

export function DisconnectInstanceButton({ storeId, instance }: { storeId: string; instance: { id: string; name: string } }) {
  const t = useTranslations('stores');
  return (
    <ConfirmButton
      label={t('disconnect')}
      title={t('disconnectTitle', { name: instance.name })}
      description={t('disconnectDescription')}
      confirmLabel={t('disconnectConfirm')}
      onConfirm={() => disconnectStoreInstanceAction({ storeId, instanceId: instance.id })}
      successMessage={t('disconnectedToast')}
    />
  );
}

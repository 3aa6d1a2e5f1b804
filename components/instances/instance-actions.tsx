'use client';

import { Pause, Play, Plug } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/shell/confirm-button';
import { useToastedAction } from '@/components/shell/use-toasted-action';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/action';
import { connectInstanceAction, deleteInstanceAction, disconnectInstanceAction, setPausedAction } from '@/lib/instances/actions';

/** Pausar/Retomar, Conectar/Desconectar and Excluir; each answer is toasted (a refusal with its reason). */
export function InstanceActions({ instance }: { instance: { id: string; name: string; status: 'connected' | 'disconnected'; paused: boolean } }) {
  const t = useTranslations('instances');
  const router = useRouter();
  const toasted = useToastedAction();
  const { pending } = toasted;
  const run = <T,>(action: () => Promise<ActionResult<T>>, success: string) => toasted.run(action, { success, refresh: false });
  const id = instance.id;
  return (
    <>
      {instance.status === 'disconnected' ? (
        <Button size="sm" disabled={pending} onClick={() => run(() => connectInstanceAction({ instanceId: id }), t('connected'))}>
          <Plug aria-hidden /> {t('connect')}
        </Button>
      ) : (
        <ConfirmButton
          label={t('disconnect')}
          title={t('disconnectTitle', { name: instance.name })}
          description={t('disconnectDescription')}
          confirmLabel={t('disconnectConfirm')}
          onConfirm={() => disconnectInstanceAction({ instanceId: id })}
          successMessage={t('disconnected')}
        />
      )}
      {instance.paused ? (
        <Button size="sm" variant="outline" disabled={pending} onClick={() => run(() => setPausedAction({ instanceId: id, paused: false }), t('resumed'))}>
          <Play aria-hidden /> {t('resume')}
        </Button>
      ) : (
        <Button size="sm" variant="outline" disabled={pending} onClick={() => run(() => setPausedAction({ instanceId: id, paused: true }), t('paused'))}>
          <Pause aria-hidden /> {t('pause')}
        </Button>
      )}
      <ConfirmButton
        label={t('delete')}
        title={t('deleteTitle', { name: instance.name })}
        description={t('deleteDescription')}
        confirmLabel={t('deleteConfirm')}
        onConfirm={async () => {
          const result = await deleteInstanceAction({ instanceId: id });
          if (result.ok) router.push('/instances');
          return result;
        }}
        successMessage={t('deleted')}
      />
    </>
  );
}

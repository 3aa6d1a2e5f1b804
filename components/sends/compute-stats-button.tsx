'use client';

import { RefreshCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useToastedAction } from '@/components/shell/use-toasted-action';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Switch } from '@/components/ui/switch';
import { recomputeStatsAction, setConfirmEachRunAction } from '@/lib/deliveries/actions';

/** "Calcular estatísticas": recomputes the run's indicators now. */
export function ComputeStatsButton({ runId }: { runId: string }) {
  const t = useTranslations('deliveries');
  const { pending, run } = useToastedAction();
  return (
    <Button variant="outline" size="sm" disabled={pending} onClick={() => run(() => recomputeStatsAction({ runId }), { success: t('computed') })}>
      <RefreshCw className={pending ? 'animate-spin' : undefined} aria-hidden />
      {t('compute')}
    </Button>
  );
}

/** For a recurring configuration still in Rascunho: ask for a confirmation before each occurrence. */
export function ConfirmEachRunSwitch({ configId, checked, disabled }: { configId: string; checked: boolean; disabled: boolean }) {
  const t = useTranslations('deliveries');
  const { pending, run } = useToastedAction();
  return (
    <div className="flex items-center gap-2">
      <Switch
        id={`confirm-each-${configId}`}
        checked={checked}
        disabled={disabled || pending}
        onCheckedChange={(on) => run(() => setConfirmEachRunAction({ configId, on }), { success: t('confirmEachRunSaved') })}
      />
      <Label htmlFor={`confirm-each-${configId}`}>{t('confirmEachRun')}</Label>
    </div>
  );
}

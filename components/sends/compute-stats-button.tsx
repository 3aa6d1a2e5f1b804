'use client';

import { RefreshCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { recomputeStatsAction, setConfirmEachRunAction } from '@/lib/deliveries/actions';
import { Switch } from '@/components/ui/switch';
import { Label } from '@/components/ui/label';

/** "Calcular estatísticas": recomputes the run's indicators now. */
export function ComputeStatsButton({ runId }: { runId: string }) {
  const t = useTranslations('deliveries');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await recomputeStatsAction({ runId });
          if (result.ok) toast.success(t('computed'));
          else toast.error(result.message);
          router.refresh();
        })
      }
    >
      <RefreshCw className={pending ? 'animate-spin' : undefined} aria-hidden />
      {t('compute')}
    </Button>
  );
}

/** For a recurring configuration still in Rascunho: ask for a confirmation before each occurrence. */
export function ConfirmEachRunSwitch({ configId, checked, disabled }: { configId: string; checked: boolean; disabled: boolean }) {
  const t = useTranslations('deliveries');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <Switch
        id={`confirm-each-${configId}`}
        checked={checked}
        disabled={disabled || pending}
        onCheckedChange={(on) =>
          startTransition(async () => {
            const result = await setConfirmEachRunAction({ configId, on });
            if (result.ok) toast.success(t('confirmEachRunSaved'));
            else toast.error(result.message);
            router.refresh();
          })
        }
      />
      <Label htmlFor={`confirm-each-${configId}`}>{t('confirmEachRun')}</Label>
    </div>
  );
}

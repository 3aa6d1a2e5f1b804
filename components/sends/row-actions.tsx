'use client';

import { Copy, MoreHorizontal, OctagonX } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useToastedAction } from '@/components/shell/use-toasted-action';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { abortConfigAction, duplicateConfigAction } from '@/lib/sends/actions';
import type { AbortDecision } from '@/lib/sends/states';

/**
 * The advanced-options menu (⋯) of a configuration: "Abortar" behind a confirmation (disabled
 * with the reason where the seed's rules forbid it, or for roles that may not start deliveries)
 * and "Duplicar".
 */
export function SendRowActions(props: { id: string; name: string; abort: AbortDecision; canAbort: boolean; canEdit: boolean; forbiddenReason: string }) {
  const t = useTranslations('sends');
  const common = useTranslations('common');
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { pending, run } = useToastedAction();
  const abortReason = !props.canAbort ? props.forbiddenReason : props.abort.allowed ? null : t(`abortReason.${props.abort.reason}`);

  const abort = () =>
    run(() => abortConfigAction({ configId: props.id }), {
      success: (outcome) => (outcome === 'recorded' ? t('abortRecorded') : t('aborted')),
      settle: () => setConfirming(false),
    });
  const duplicate = () =>
    run(() => duplicateConfigAction({ configId: props.id }), { success: t('duplicated'), then: ({ id }) => router.push(`/sends/${id}`), refresh: false });

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={t('rowMenu', { name: props.name })} disabled={pending}>
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="max-w-72">
          <DropdownMenuItem disabled={Boolean(abortReason)} onSelect={() => setConfirming(true)} className="flex-col items-start">
            <span className="flex items-center gap-2">
              <OctagonX aria-hidden /> {t('abort')}
            </span>
            {abortReason && <span className="text-xs text-muted-foreground">{abortReason}</span>}
          </DropdownMenuItem>
          <DropdownMenuItem disabled={!props.canEdit} onSelect={duplicate}>
            <Copy aria-hidden /> {t('duplicate')}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t('abortTitle', { name: props.name })}</AlertDialogTitle>
            <AlertDialogDescription>{t('abortDescription')}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>{common('cancel')}</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              disabled={pending}
              onClick={(e) => {
                e.preventDefault();
                abort();
              }}
            >
              {t('abortConfirm')}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}

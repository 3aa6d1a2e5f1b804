'use client';

import { useTranslations } from 'next-intl';
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
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { confirmOccurrenceAction, confirmSendAction } from '@/lib/deliveries/actions';

/**
 * "Confirmar envio" → a dialog confirmed with "OK": a configuration in Rascunho, or a recurring
 * occurrence waiting for confirmation. Without the capability (or while something else blocks it)
 * the button is disabled and the reason is shown under it; the server checks again either way.
 */
export function ConfirmSendButton(props: ({ configId: string } | { runId: string }) & { disabledReason: string | null }) {
  const t = useTranslations('deliveries');
  const common = useTranslations('common');
  const [open, setOpen] = useState(false);
  const { pending, run } = useToastedAction();
  const reasonId = `confirm-reason-${'runId' in props ? props.runId : props.configId}`;
  const confirm = () =>
    run(() => ('runId' in props ? confirmOccurrenceAction({ runId: props.runId }) : confirmSendAction({ configId: props.configId })), {
      success: t('confirmed'),
      settle: () => setOpen(false),
    });
  return (
    <div className="flex flex-col items-start gap-1">
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogTrigger asChild>
          <Button disabled={pending || Boolean(props.disabledReason)} aria-describedby={props.disabledReason ? reasonId : undefined}>
            {t('confirm')}
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t('confirmTitle')}</AlertDialogTitle>
            <AlertDialogDescription>{'runId' in props ? t('confirmRunDescription') : t('confirmDescription')}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>{common('cancel')}</AlertDialogCancel>
            <AlertDialogAction
              disabled={pending}
              onClick={(e) => {
                e.preventDefault(); // keep the dialog open until the server answers
                confirm();
              }}
            >
              {t('ok')}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      {props.disabledReason && (
        <p id={reasonId} className="max-w-xs text-xs text-muted-foreground">
          {props.disabledReason}
        </p>
      )}
    </div>
  );
}

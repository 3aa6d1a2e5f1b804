'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
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
import { Button, type ButtonProps } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/action';
import { useToastedAction } from './use-toasted-action';

/**
 * A destructive action behind a confirmation dialog; the result is toasted. Shared by every
 * "are you sure?" in the product so they look and behave the same.
 */
export function ConfirmButton<T>(props: {
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
  onConfirm: () => Promise<ActionResult<T>>;
  successMessage: string | ((data: T) => string);
  variant?: ButtonProps['variant'];
  disabled?: boolean;
}) {
  const common = useTranslations('common');
  const [open, setOpen] = useState(false);
  const { pending, run } = useToastedAction();
  const confirm = () => run(props.onConfirm, { success: props.successMessage, settle: () => setOpen(false), refresh: false });
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant={props.variant ?? 'outline'} size="sm" disabled={props.disabled || pending}>
          {props.label}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{props.title}</AlertDialogTitle>
          <AlertDialogDescription>{props.description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{common('cancel')}</AlertDialogCancel>
          <AlertDialogAction
            variant="destructive"
            disabled={pending}
            onClick={(e) => {
              e.preventDefault(); // keep the dialog open until the server answers
              confirm();
            }}
          >
            {props.confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

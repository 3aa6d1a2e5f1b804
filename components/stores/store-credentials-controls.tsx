'use client';

import { Copy, KeyRound, RefreshCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { toast } from 'sonner';
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
import { useToastedAction } from '@/components/shell/use-toasted-action';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { rotateCredentialsAction } from '@/lib/api/actions';
import type { IssuedCredentials } from '@/lib/api/credentials';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations('events.credentials');
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      aria-label={`${t('copy')}: ${label}`}
      onClick={async () => {
        await navigator.clipboard?.writeText(value).catch(() => {});
        toast.success(t('copied'));
      }}
    >
      <Copy aria-hidden /> {t('copy')}
    </Button>
  );
}

/** A freshly issued pair, in full, with copy buttons: shown once (after "Rotacionar" and on store creation). */
export function IssuedCredentialsFields({ issued }: { issued: IssuedCredentials }) {
  const t = useTranslations('events.credentials');
  return (
    <div className="flex flex-col gap-4">
      {(
        [
          ['issued-api-key', t('apiKey'), issued.apiKey],
          ['issued-webhook-secret', t('webhookSecret'), issued.webhookSecret],
        ] as const
      ).map(([id, label, value]) => (
        <div key={id} className="flex flex-col gap-2">
          <Label htmlFor={id}>{label}</Label>
          <div className="flex gap-2">
            <Input id={id} readOnly value={value} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={value} label={label} />
          </div>
        </div>
      ))}
    </div>
  );
}

/** "Rotacionar" (confirmed) or "Gerar credenciais"; the new pair is shown once in a dialog. */
export function StoreCredentialsControls({ storeId, hasCredentials }: { storeId: string; hasCredentials: boolean }) {
  const t = useTranslations('events.credentials');
  const common = useTranslations('common');
  const { pending, run } = useToastedAction();
  const [confirming, setConfirming] = useState(false);
  const [issued, setIssued] = useState<IssuedCredentials | null>(null);
  const issue = () =>
    run(() => rotateCredentialsAction({ storeId }), { success: t('issued'), settle: () => setConfirming(false), then: setIssued, refresh: false });
  return (
    <>
      {hasCredentials ? (
        <AlertDialog open={confirming} onOpenChange={setConfirming}>
          <AlertDialogTrigger asChild>
            <Button variant="outline" size="sm" disabled={pending}>
              <RefreshCw aria-hidden /> {t('rotate')}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{t('rotateTitle')}</AlertDialogTitle>
              <AlertDialogDescription>{t('rotateDescription')}</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>{common('cancel')}</AlertDialogCancel>
              <AlertDialogAction
                disabled={pending}
                onClick={(e) => {
                  e.preventDefault();
                  issue();
                }}
              >
                {t('rotateConfirm')}
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : (
        <Button size="sm" onClick={issue} disabled={pending}>
          <KeyRound aria-hidden /> {t('issue')}
        </Button>
      )}
      <Dialog open={issued !== null} onOpenChange={(open) => !open && setIssued(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t('onceTitle')}</DialogTitle>
            <DialogDescription>{t('issued')}</DialogDescription>
          </DialogHeader>
          {issued && <IssuedCredentialsFields issued={issued} />}
          <DialogFooter>
            <Button onClick={() => setIssued(null)}>{t('done')}</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

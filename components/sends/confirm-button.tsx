'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { confirmConfigAction } from '@/lib/sends/actions';

/** Rascunho → SCHEDULED. Issue 7 replaces this with "Confirmar envio" and its "OK" dialog. */
export function ConfirmSendButton({ configId, disabledReason }: { configId: string; disabledReason: string | null }) {
  const t = useTranslations('sends.detail');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        disabled={pending || Boolean(disabledReason)}
        onClick={() =>
          startTransition(async () => {
            const result = await confirmConfigAction({ configId });
            if (result.ok) toast.success(t('confirmed'));
            else toast.error(result.message);
            router.refresh();
          })
        }
      >
        {t('confirm')}
      </Button>
      {disabledReason && <p className="text-xs text-muted-foreground">{disabledReason}</p>}
    </div>
  );
}

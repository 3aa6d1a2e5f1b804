'use client';

import { Archive } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { archiveNowAction } from '@/lib/archive/actions';

/** "Arquivar agora": queues a run; the table below refreshes with it. */
export function ArchiveNowButton() {
  const t = useTranslations('events.archive');
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await archiveNowAction();
          if (result.ok) toast.success(t('started'));
          else toast.error(result.message);
          router.refresh();
        })
      }
    >
      <Archive aria-hidden /> {t('now')}
    </Button>
  );
}

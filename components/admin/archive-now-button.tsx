'use client';

import { Archive } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useToastedAction } from '@/components/shell/use-toasted-action';
import { Button } from '@/components/ui/button';
import { archiveNowAction } from '@/lib/archive/actions';

/** "Arquivar agora": queues a run; the table below refreshes with it. */
export function ArchiveNowButton() {
  const t = useTranslations('events.archive');
  const { pending, run } = useToastedAction();
  return (
    <Button variant="outline" size="sm" disabled={pending} onClick={() => run(() => archiveNowAction(), { success: t('started') })}>
      <Archive aria-hidden /> {t('now')}
    </Button>
  );
}

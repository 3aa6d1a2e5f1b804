'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('common');
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg items-center p-4">
      <EmptyState className="w-full" title={t('errorTitle')}>
        <Button onClick={reset}>{t('errorRetry')}</Button>
      </EmptyState>
    </main>
  );
}

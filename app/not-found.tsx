import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg items-center p-4">
      <EmptyState className="w-full" title={t('notFoundTitle')} description={t('notFoundDescription')}>
        <Button asChild>
          <Link href="/">{t('backHome')}</Link>
        </Button>
      </EmptyState>
    </main>
  );
}

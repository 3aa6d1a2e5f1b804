import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { signOutAction } from '@/lib/auth/actions';
import { getSessionUser } from '@/lib/auth/session';

export default async function NoAccountPage() {
  if (!(await getSessionUser())) redirect('/login');
  const [t, shell] = await Promise.all([getTranslations('noAccount'), getTranslations('shell')]);
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg items-center p-4">
      <EmptyState className="w-full" title={t('title')} description={t('description')}>
        <form action={signOutAction}>
          <Button variant="outline">{shell('signOut')}</Button>
        </form>
      </EmptyState>
    </main>
  );
}

import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Brand } from '@/components/shell/brand';
import { Button } from '@/components/ui/button';
import { getSessionUser } from '@/lib/auth/session';

/** Platform admins only: everyone else is told the page does not exist. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  if (!user.isPlatformAdmin) notFound();
  const t = await getTranslations('admin');
  return (
    <div className="min-h-dvh">
      <header className="flex h-14 items-center justify-between gap-2 border-b px-4">
        <Brand />
        <Button variant="ghost" size="sm" asChild>
          <Link href="/">
            <ArrowLeft aria-hidden /> {t('backToApp')}
          </Link>
        </Button>
      </header>
      <main className="mx-auto w-full max-w-6xl p-4 sm:p-6 lg:p-8">{children}</main>
    </div>
  );
}

import { Construction } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireActor } from '@/lib/auth/session';
import type { NAV_ITEMS } from './nav-items';

/** An honest placeholder for sections that later work fills in: no fake data. */
export async function ComingSoon({ section }: { section: (typeof NAV_ITEMS)[number]['key'] }) {
  await requireActor();
  const [nav, t] = await Promise.all([getTranslations('nav'), getTranslations('comingSoon')]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={nav(section)} />
      <EmptyState icon={<Construction />} title={t('title', { section: nav(section) })} description={t('description')} />
    </div>
  );
}

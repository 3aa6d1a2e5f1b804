import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Plus } from 'lucide-react';
import { TemplatesTable } from '@/components/templates/templates-table';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { listTemplates } from '@/lib/templates/queries';

export const metadata: Metadata = { title: 'Modelos' };

export default async function TemplatesPage() {
  const actor = await requireActor();
  const [t, rows] = await Promise.all([getTranslations('templates'), listTemplates(actor)]);
  const canEdit = can(actor.role, 'editContent');
  const newButton = canEdit ? (
    <Button asChild>
      <Link href="/templates/new">
        <Plus aria-hidden /> {t('new')}
      </Link>
    </Button>
  ) : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('title')} description={canEdit ? t('description') : t('readOnly')} actions={newButton} />
      {rows.length === 0 ? (
        <EmptyState title={t('emptyTitle')} description={t('emptyDescription')}>
          {newButton}
        </EmptyState>
      ) : (
        <TemplatesTable rows={rows} canEdit={canEdit} />
      )}
    </div>
  );
}

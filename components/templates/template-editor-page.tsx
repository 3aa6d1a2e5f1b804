import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ArrowLeft } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { can, type Actor } from '@/lib/auth/permissions';
import { listStores } from '@/lib/stores/queries';
import { knownEventTypes } from '@/lib/templates/queries';
import { TemplateForm, type TemplateFormValues } from './template-form';

/** Shared by /templates/new and /templates/<id>. */
export async function TemplateEditorPage({ actor, initial }: { actor: Actor; initial: TemplateFormValues }) {
  const [t, stores, types] = await Promise.all([getTranslations('templates'), listStores(actor), knownEventTypes(actor)]);
  return (
    <div className="flex flex-col gap-6">
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href="/templates">
          <ArrowLeft aria-hidden /> {t('back')}
        </Link>
      </Button>
      <PageHeader title={initial.id ? t('edit') : t('new')} />
      <TemplateForm readOnly={!can(actor.role, 'editContent')} initial={initial} stores={stores.map((s) => ({ id: s.id, name: s.name }))} eventTypes={types} />
    </div>
  );
}

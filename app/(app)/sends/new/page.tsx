import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SendForm } from '@/components/sends/send-form';
import { PageHeader } from '@/components/ui/page-header';
import { assertCan } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { sendFormOptions } from '@/lib/sends/queries';

export const metadata: Metadata = { title: 'Nova configuração' };

export default async function NewSendPage() {
  const actor = await requireActor();
  assertCan(actor, 'editContent');
  const t = await getTranslations('sends');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('new')} description={t('title')} />
      <SendForm options={await sendFormOptions(actor)} />
    </div>
  );
}

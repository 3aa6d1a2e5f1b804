import { ListOrdered } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { InstanceActions } from '@/components/instances/instance-actions';
import { InstanceFormDialog } from '@/components/instances/instance-form-dialog';
import { InstanceNav } from '@/components/instances/instance-nav';
import { InstanceProvider, InstanceStores, InstanceSummary } from '@/components/instances/instance-summary';
import { TestMessageForm } from '@/components/instances/test-message-form';
import { AutoRefresh } from '@/components/shell/auto-refresh';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { loadOrNotFound } from '@/lib/page-load';
import { getInstanceDetail } from '@/lib/instances/queries';
import { listStores } from '@/lib/stores/queries';

export const metadata: Metadata = { title: 'Instância' };

export default async function InstancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const t = await getTranslations('instances');
  const manage = can(actor.role, 'manageInstances');
  const [instance, stores] = await Promise.all([loadOrNotFound(id, () => getInstanceDetail(actor, id)), manage ? listStores(actor) : Promise.resolve([])]);
  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh seconds={5} />
      <PageHeader
        title={instance.name}
        description={`${instance.phoneNumber} · ${t(`providers.${instance.provider}`)}`}
        actions={
          <>
            <Button asChild size="sm" variant="secondary">
              <Link href={`/instances/${id}/queue`}>
                <ListOrdered aria-hidden /> {t('queueLink')}
              </Link>
            </Button>
            {manage && (
              <>
                <InstanceFormDialog
                  values={{ ...instance, storeIds: instance.stores.map((s) => s.id) }}
                  stores={stores.map((s) => ({ id: s.id, name: s.name }))}
                />
                <InstanceActions instance={instance} />
              </>
            )}
          </>
        }
      />
      <InstanceNav instanceId={id} current="overview" />
      {!manage && <p className="text-sm text-muted-foreground">{t('forbiddenReason')}</p>}
      <InstanceSummary instance={instance} />
      <div className="grid gap-6 lg:grid-cols-2">
        <InstanceProvider instance={instance} />
        <InstanceStores stores={instance.stores} />
      </div>
      {manage && (
        <Card className="gap-4">
          <CardHeader>
            <CardTitle>{t('testTitle')}</CardTitle>
            <CardDescription>{t('testDescription')}</CardDescription>
          </CardHeader>
          <CardContent>
            <TestMessageForm instanceId={id} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}

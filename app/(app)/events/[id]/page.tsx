import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ArrowLeft, ListOrdered } from 'lucide-react';
import { EventStatusBadge } from '@/components/events/event-status-badge';
import { EventTimeline } from '@/components/events/event-timeline';
import { AutoRefresh } from '@/components/shell/auto-refresh';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireActor } from '@/lib/auth/session';
import { getEventDetail } from '@/lib/events/queries';
import type { EventStatus } from '@/lib/events/schemas';
import { buildTimeline } from '@/lib/events/timeline';
import { loadOrNotFound } from '@/lib/page-load';

export const metadata: Metadata = { title: 'Evento' };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const e = await loadOrNotFound(id, () => getEventDetail(actor, id));
  const [t, format] = await Promise.all([getTranslations('events'), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeStyle: 'medium' });
  const facts: [string, React.ReactNode][] = [
    [t('externalId'), <span className="break-all">{e.externalId}</span>],
    [t('store'), <Link href={`/stores/${e.storeId}`} className="hover:underline">{e.storeName}</Link>],
    [t('contact'), `${e.contactName ?? '—'} · ${e.contactPhone}${e.contactEmail ? ` · ${e.contactEmail}` : ''}`],
    [t('channel'), e.channel === 'rt' ? t('channelRt') : t('channelBatch')],
    [t('occurredAt'), when(e.occurredAt)],
    [t('receivedAt'), when(e.receivedAt)],
  ];
  if (e.statusReason) facts.push([t('reason'), e.statusReason]);
  return (
    <div className="flex flex-col gap-6">
      {(e.status === 'pending' || e.status === 'pending_delivery') && <AutoRefresh seconds={5} />}
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href="/events">
          <ArrowLeft aria-hidden /> {t('back')}
        </Link>
      </Button>
      <PageHeader title={<span className="break-all">{e.type}</span>} description={<EventStatusBadge status={e.status as EventStatus} />} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardContent>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-3 text-sm sm:grid-cols-[auto_1fr]">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd className="min-w-0">{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t('timeline')}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <EventTimeline steps={buildTimeline(e)} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t('message')}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            {e.messageBody ? <p className="text-sm whitespace-pre-wrap break-words" data-testid="message-body">{e.messageBody}</p> : <p className="text-sm text-muted-foreground">{t('noMessage')}</p>}
            {e.instanceId && e.messageId && (
              <Button asChild variant="outline" className="w-fit">
                <Link href={`/instances/${e.instanceId}/queue`}>
                  <ListOrdered aria-hidden /> {t('openQueue')}
                </Link>
              </Button>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t('payload')}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <pre tabIndex={0} aria-label={t('payload')} className="max-h-80 overflow-auto rounded-md bg-muted p-3 text-xs">{JSON.stringify(e.data, null, 2)}</pre>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

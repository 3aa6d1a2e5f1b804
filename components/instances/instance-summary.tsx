import Link from 'next/link';
import { getFormatter, getNow, getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { ProviderKind } from '@/lib/providers/types';
import { InstanceStatusBadge } from './instance-status-badge';

interface Props {
  instance: {
    id: string;
    status: 'connected' | 'disconnected';
    statusReason: string | null;
    paused: boolean;
    sentToday: number;
    dailyLimit: number | null;
    nextReset: Date;
    sendIntervalMs: number;
    queuedCount: number;
    provider: ProviderKind;
    providerConfig: Record<string, unknown>;
    secretMasked: string | null;
  };
}

function Figure({ title, children, footer }: { title: string; children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <Card className="gap-2 py-4">
      <CardHeader>
        <CardDescription>{title}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-1">
        <div className="text-2xl font-semibold tabular-nums">{children}</div>
        {footer && <div className="text-xs text-muted-foreground">{footer}</div>}
      </CardContent>
    </Card>
  );
}

/** The instance's live figures: status, today's count against the limit, interval, queue. */
export async function InstanceSummary({ instance: i }: Props) {
  const [t, format, now] = await Promise.all([getTranslations('instances'), getFormatter(), getNow()]);
  const seconds = format.number(i.sendIntervalMs / 1000, { maximumFractionDigits: 3 });
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Figure title={t('status')} footer={i.statusReason ? t('statusReason', { reason: i.statusReason }) : undefined}>
        <InstanceStatusBadge status={i.status} paused={i.paused} />
      </Figure>
      <Figure
        title={t('sentToday')}
        footer={
          <>
            {i.dailyLimit === null && <div>{t('noDailyLimit')}</div>}
            {t('nextReset', { time: format.relativeTime(i.nextReset, now), at: format.dateTime(i.nextReset, { timeStyle: 'short' }) })}
          </>
        }
      >
        <span data-testid="sent-today">{i.dailyLimit === null ? format.number(i.sentToday) : t('todayValue', { sent: format.number(i.sentToday), limit: format.number(i.dailyLimit) })}</span>
      </Figure>
      <Figure title={t('interval')}>{t('intervalValue', { seconds })}</Figure>
      <Figure
        title={t('queueSize')}
        footer={
          <Link href={`/instances/${i.id}/queue`} className="text-primary underline-offset-4 hover:underline">
            {t('queueLink')}
          </Link>
        }
      >
        <span data-testid="queued-count">{i.queuedCount}</span>
      </Figure>
    </div>
  );
}

/** Provider and its settings; the token only masked. */
export async function InstanceProvider({ instance: i }: Props) {
  const t = await getTranslations('instances');
  const c = i.providerConfig;
  const rows: [string, string][] =
    i.provider === 'sandbox'
      ? [
          [t('latencyMs'), String(c.latencyMs ?? 0)],
          [t('failureRatePercent'), `${Math.round(Number(c.failureRate ?? 0) * 1000) / 10}%`],
          [t('receipts'), c.receiptDelayMs === null ? '✗' : '✓'],
        ]
      : i.provider === 'whatsapp_cloud'
        ? [
            [t('phoneNumberId'), String(c.phoneNumberId ?? '')],
            [t('baseUrl'), String(c.baseUrl ?? '')],
            [t('token'), i.secretMasked ?? t('none')],
          ]
        : [
            [t('url'), String(c.url ?? '')],
            [t('signingSecret'), i.secretMasked ?? t('none')],
          ];
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>{t('provider')}</CardTitle>
        <CardDescription>{t(`providers.${i.provider}`)}</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted-foreground">{k}</dt>
              <dd className="min-w-0 font-medium break-all">{v}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

/** The stores this instance serves, each linking to its page. */
export async function InstanceStores({ stores }: { stores: { id: string; name: string }[] }) {
  const t = await getTranslations('instances');
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>{t('stores')}</CardTitle>
        <CardDescription>{t('storesHelp')}</CardDescription>
      </CardHeader>
      <CardContent>
        {stores.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('storesEmpty')}</p>
        ) : (
          <ul className="flex flex-wrap gap-2" aria-label={t('stores')}>
            {stores.map((s) => (
              <li key={s.id}>
                <Link href={`/stores/${s.id}`} className="inline-flex rounded-md border px-3 py-1.5 text-sm font-medium hover:bg-accent">
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

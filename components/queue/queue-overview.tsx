import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { QueueOverview as Overview } from '@/lib/queue/queries';
import type { QueueStatus } from '@/lib/queue/states';
import { formatDuration } from './format';

const STATUS_VARIANT: Record<QueueStatus, BadgeProps['variant']> = {
  sending: 'success',
  empty: 'secondary',
  paused: 'warning',
  disconnected: 'outline',
  limitReached: 'warning',
};

function Figure({ label, help, testId, children }: { label: string; help: string; testId: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1 rounded-lg border p-4" data-testid={testId}>
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-xl font-semibold whitespace-nowrap tabular-nums sm:text-2xl">{children}</dd>
      <dd className="text-xs text-muted-foreground">{help}</dd>
    </div>
  );
}

/** "Visão geral da fila": the seed's five figures. */
export async function QueueOverview({ overview: o }: { overview: Overview }) {
  const [t, format] = await Promise.all([getTranslations('queue'), getFormatter()]);
  const n = (v: number) => format.number(v);
  return (
    <section aria-labelledby="overview-title" className="flex flex-col gap-3">
      <h2 id="overview-title" className="text-lg font-semibold">
        {t('overviewTitle')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Figure label={t('estimate')} help={t('estimateHelp')} testId="overview-estimate">
          {formatDuration(o.estimatedFinishMs)}
        </Figure>
        <Figure label={t('waiting')} help={t('waitingHelp')} testId="overview-waiting">
          {n(o.queued)}
        </Figure>
        <Figure label={t('entered')} help={t('enteredHelp')} testId="overview-entered">
          {n(o.enteredLast5m)}
        </Figure>
        <Figure label={t('sent')} help={t('sentHelp')} testId="overview-sent">
          {n(o.sentLast5m)}
        </Figure>
        <Figure
          label={t('status')}
          help={
            o.dailyLimit === null
              ? t('statusHelpNoLimit', { sent: n(o.sentToday), reset: format.dateTime(o.nextReset, { timeStyle: 'short' }) })
              : t('statusHelp', { sent: n(o.sentToday), limit: n(o.dailyLimit), reset: format.dateTime(o.nextReset, { timeStyle: 'short' }) })
          }
          testId="overview-status"
        >
          <Badge variant={STATUS_VARIANT[o.status]} className="text-sm">
            {t(`statuses.${o.status}`)}
          </Badge>
        </Figure>
      </dl>
    </section>
  );
}

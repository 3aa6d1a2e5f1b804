import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { RunDetail } from '@/lib/sends/queries';
import { useDateTime } from './schedule-label';
import { SendStateBadge } from './state-badge';

/** One run: its state timeline, batches, message counts and links into the instance queues. */
export function RunCard({ run, timeZone }: { run: RunDetail; timeZone: string }) {
  const t = useTranslations('sends');
  const format = useFormatter();
  const dateTime = useDateTime(timeZone);
  const counts = [
    ['queued', run.counts.queued],
    ['sent', run.counts.sent],
    ['failed', run.counts.failed],
    ['removed', run.counts.removed],
  ] as const;
  return (
    <Card data-testid="send-run">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          {t('detail.run', { at: dateTime(run.scheduledAt) })} <SendStateBadge state={run.state} />
        </CardTitle>
        {run.failureReason && <CardDescription className="text-destructive">{t('detail.failure', { reason: run.failureReason })}</CardDescription>}
      </CardHeader>
      <CardContent className="grid gap-6 md:grid-cols-2">
        <section className="flex flex-col gap-2">
          <h3 className="text-sm font-medium">{t('detail.timeline')}</h3>
          <ol className="flex flex-col gap-1.5 border-l pl-4 text-sm">
            {run.events.map((e, i) => (
              <li key={i}>
                <span className="font-medium">{e.note === 'abort_requested' ? t('detail.abortRequested') : t(`state.${e.state}`)}</span>{' '}
                <span className="text-muted-foreground">
                  {dateTime(e.at)}
                  {e.by && ` · ${t('detail.by', { name: e.by })}`}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className="flex flex-col gap-2">
          <h3 className="text-sm font-medium">{t('detail.batches')}</h3>
          {run.batches.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('detail.noBatches')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm tabular-nums">
              {run.batches.map((b) => (
                <li key={b.seq}>{t('detail.batch', { seq: b.seq, from: b.fromPosition, to: b.toPosition, count: b.count })}</li>
              ))}
            </ul>
          )}
          <p className="text-sm text-muted-foreground">{t('generatedOf', { generated: run.generated, total: run.total })}</p>
        </section>
        <section className="flex flex-col gap-2">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {counts.map(([key, value]) => (
              <div key={key} className="rounded-md border p-3">
                <dt className="text-xs text-muted-foreground">{t(`detail.${key}`)}</dt>
                <dd className="text-lg font-semibold tabular-nums">{format.number(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
        {run.instances.length > 0 && (
          <section className="flex flex-col gap-2">
            <h3 className="text-sm font-medium">{t('detail.instanceQueues')}</h3>
            <ul className="flex flex-col gap-1 text-sm">
              {run.instances.map((i) => (
                <li key={i.id}>
                  <Link className="underline underline-offset-4" href={`/instances/${i.id}/queue`}>
                    {t('detail.queueLink', { name: i.name, queued: i.queued })}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </CardContent>
    </Card>
  );
}

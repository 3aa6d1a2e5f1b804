'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { messageDetailAction } from '@/lib/queue/actions';
import type { MessageDetail, TimelineEntry } from '@/lib/queue/details';

/** "Ver": the notification's event payload, the rendered text and the timeline of attempts. */
export function MessageDetailDialog({ messageId, recipient, onClose }: { messageId: string | null; recipient: string; onClose: () => void }) {
  const t = useTranslations('queue');
  const [detail, setDetail] = useState<MessageDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!messageId) return;
    let live = true;
    setDetail(null);
    setError(null);
    messageDetailAction({ messageId }).then((r) => {
      if (!live) return;
      if (r.ok) setDetail(r.data);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [messageId]);
  return (
    <Dialog open={Boolean(messageId)} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t('detailTitle')}</DialogTitle>
          <DialogDescription>{t('detailDescription', { recipient })}</DialogDescription>
        </DialogHeader>
        {error && <p className="text-sm text-destructive">{error}</p>}
        {!detail && !error && <p className="text-sm text-muted-foreground">{t('loading')}</p>}
        {detail && <DetailBody detail={detail} />}
      </DialogContent>
    </Dialog>
  );
}

function DetailBody({ detail }: { detail: MessageDetail }) {
  const t = useTranslations('queue');
  return (
    <div className="flex min-w-0 flex-col gap-5">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">{t('store')}</dt>
        <dd>{detail.storeName ?? t('noStore')}</dd>
        <dt className="text-muted-foreground">{t('source')}</dt>
        <dd>
          {t(`sourceKinds.${detail.sourceKind}`)} · {detail.sourceLabel}
        </dd>
        <dt className="text-muted-foreground">{t('state')}</dt>
        <dd>{t(`states.${detail.state}`)}</dd>
      </dl>
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">{t('renderedText')}</h3>
        <p className="rounded-md bg-muted p-3 text-sm whitespace-pre-wrap" data-testid="rendered-text">
          {detail.body}
        </p>
      </section>
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">{t('payload')}</h3>
        {detail.payload == null ? (
          <p className="text-sm text-muted-foreground">{t('noPayload')}</p>
        ) : (
          <pre className="max-h-64 overflow-auto rounded-md bg-muted p-3 text-xs" data-testid="payload" tabIndex={0}>
            {JSON.stringify(detail.payload, null, 2)}
          </pre>
        )}
      </section>
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">{t('timeline')}</h3>
        <ol className="flex flex-col gap-2 border-l pl-4" data-testid="timeline">
          {detail.timeline.map((e, i) => (
            <TimelineItem key={i} entry={e} />
          ))}
        </ol>
      </section>
    </div>
  );
}

function TimelineItem({ entry: e }: { entry: TimelineEntry }) {
  const t = useTranslations('queue');
  const format = useFormatter();
  let label: string;
  let extra: string | null = null;
  switch (e.kind) {
    case 'moved':
      label = t('timelineKinds.moved', { from: e.from ?? '—' });
      break;
    case 'removed':
      label = t('timelineKinds.removed', { by: e.by ?? t('someone') });
      extra = e.reason && (e.reason === 'manual' || e.reason === 'clear') ? t(`reasons.${e.reason}`) : e.reason;
      break;
    case 'attempt': {
      const outcome = ['sent', 'transient', 'permanent', 'auth', 'lease_expired'].includes(e.outcome) ? t(`outcomes.${e.outcome as 'sent'}`) : e.outcome;
      label = t('timelineKinds.attempt', { attempt: e.attempt, outcome });
      extra = [e.httpStatus ? t('httpStatus', { status: e.httpStatus }) : null, t('duration', { ms: e.durationMs }), e.error].filter(Boolean).join(' · ');
      break;
    }
    default:
      label = t(`timelineKinds.${e.kind}`);
  }
  return (
    <li className="relative text-sm">
      <span aria-hidden className="absolute top-1.5 -left-[21px] size-2.5 rounded-full bg-primary" />
      <div className="font-medium">{label}</div>
      <div className="text-xs text-muted-foreground">
        {format.dateTime(new Date(e.at), { dateStyle: 'short', timeStyle: 'medium' })}
        {extra ? ` · ${extra}` : ''}
      </div>
    </li>
  );
}

'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { conversionDetailAction, type ConversionDetailView } from '@/lib/conversions/actions';
import { ConversionStatusBadge } from './conversion-status-badge';

/** The event and every attempt (time, HTTP status, platform error, duration), loaded when opened. */
export function ConversionDetailSheet({ id, name, onClose, resendButton }: { id: string | null; name: string; onClose: () => void; resendButton: (ids: string[], label: string) => React.ReactNode }) {
  const t = useTranslations('conversions');
  const format = useFormatter();
  const [detail, setDetail] = useState<ConversionDetailView | null>(null);
  useEffect(() => {
    setDetail(null);
    if (!id) return;
    let live = true;
    void conversionDetailAction({ id }).then((r) => {
      if (!live) return;
      if (r.ok) setDetail(r.data);
      else toast.error(r.message);
    });
    return () => {
      live = false;
    };
  }, [id]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'medium' });
  const e = detail?.event;
  return (
    <Sheet open={id !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-lg">
        <SheetHeader>
          <SheetTitle>{t('detailTitle', { name })}</SheetTitle>
          <SheetDescription>{e ? `${e.destinationName} · ${e.storeName}` : t('attemptsTitle')}</SheetDescription>
        </SheetHeader>
        {e && (
          <div className="flex flex-col gap-4 px-4 pb-6 text-sm">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="text-muted-foreground">{t('statusColumn')}</dt>
              <dd>
                <ConversionStatusBadge status={e.status} />
              </dd>
              <dt className="text-muted-foreground">{t('externalId')}</dt>
              <dd className="break-all">{e.externalId}</dd>
              <dt className="text-muted-foreground">{t('eventId')}</dt>
              <dd className="break-all">{e.eventId}</dd>
              <dt className="text-muted-foreground">{t('eventTime')}</dt>
              <dd>{when(e.eventTime)}</dd>
              <dt className="text-muted-foreground">{t('receivedAt')}</dt>
              <dd>{when(e.createdAt)}</dd>
              {e.status === 'waiting_retry' && (
                <>
                  <dt className="text-muted-foreground">{t('nextAttemptLabel')}</dt>
                  <dd>{when(e.nextAttemptAt)}</dd>
                </>
              )}
              {e.failureReason && (
                <>
                  <dt className="text-muted-foreground">{t('failureReason')}</dt>
                  <dd>{e.failureReason}</dd>
                </>
              )}
              {e.lastError && (
                <>
                  <dt className="text-muted-foreground">{t('lastError')}</dt>
                  <dd className="break-words">{e.lastError}</dd>
                </>
              )}
              <dt className="text-muted-foreground">{t('customData')}</dt>
              <dd className="break-all font-mono text-xs">{JSON.stringify(e.customData)}</dd>
              <dt className="text-muted-foreground">{t('userData')}</dt>
              <dd className="break-all font-mono text-xs">{JSON.stringify(e.userData)}</dd>
            </dl>
            {(e.status === 'waiting_retry' || (e.status === 'failed' && e.failureReason !== 'expirado')) && <div>{resendButton([e.id], t('resendNow'))}</div>}
            <section aria-label={t('attemptsTitle')} className="flex flex-col gap-2">
              <h3 className="font-medium">{t('attemptsTitle')}</h3>
              {detail.attempts.length === 0 ? (
                <p className="text-muted-foreground">{t('noAttempts')}</p>
              ) : (
                <ol className="flex flex-col gap-2">
                  {detail.attempts.map((a) => (
                    <li key={a.attempt} className="rounded-md border p-3" data-testid={`attempt-${a.attempt}`}>
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{t('attempt', { n: a.attempt })}</span>
                        <span>{when(a.startedAt)}</span>
                        <Badge variant={a.outcome === 'success' ? 'success' : a.outcome === 'transient' ? 'warning' : 'destructive'}>{t(`outcome.${a.outcome as 'success'}`)}</Badge>
                        {a.httpStatus !== null && <span className="tabular-nums">{t('httpStatus', { status: a.httpStatus })}</span>}
                        <span className="tabular-nums text-muted-foreground">{t('duration', { ms: a.durationMs })}</span>
                        {a.manual && <Badge variant="outline">{t('manual')}</Badge>}
                      </div>
                      {a.error && <p className="mt-1 break-words text-muted-foreground">{a.error}</p>}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </div>
        )}
      </SheetContent>
    </Sheet>
  );
}

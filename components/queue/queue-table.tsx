'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmButton } from '@/components/shell/confirm-button';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { removeFromQueueAction } from '@/lib/queue/actions';
import type { QueueRow } from '@/lib/queue/list';
import { MessageDetailDialog } from './message-detail-dialog';

/** The list of "Fila de envios": store (linking to it), recipient, source, time entered, state, "Ver" and "Remover da fila". */
export function QueueTable({ instanceId, rows, canAct }: { instanceId: string; rows: QueueRow[]; canAct: boolean }) {
  const t = useTranslations('queue');
  const format = useFormatter();
  const [viewing, setViewing] = useState<QueueRow | null>(null);
  const time = (d: Date) => format.dateTime(new Date(d), { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('store')}</TableHead>
            <TableHead className="hidden sm:table-cell">{t('recipient')}</TableHead>
            <TableHead className="hidden md:table-cell">{t('source')}</TableHead>
            <TableHead className="hidden lg:table-cell">{t('enteredAt')}</TableHead>
            <TableHead className="hidden sm:table-cell">{t('state')}</TableHead>
            <TableHead className="text-right">{t('actions')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid="queue-row" data-state={r.state}>
              <TableCell className="align-top font-medium whitespace-normal">
                {r.storeId && r.storeName ? (
                  <Link href={`/stores/${r.storeId}`} className="text-primary underline-offset-4 hover:underline">
                    {r.storeName}
                  </Link>
                ) : (
                  <span className="text-muted-foreground">{t('noStore')}</span>
                )}
                {/* On narrow screens the hidden columns' facts stack under the store. */}
                <div className="text-sm font-normal tabular-nums sm:hidden">{r.recipient}</div>
                <div className="text-xs font-normal text-muted-foreground md:hidden">{r.sourceLabel}</div>
                <div className="text-xs font-normal text-muted-foreground lg:hidden">{time(r.enqueuedAt)}</div>
                <div className="mt-1 sm:hidden">
                  <StateBadge row={r} />
                </div>
              </TableCell>
              <TableCell className="hidden align-top tabular-nums sm:table-cell">{r.recipient}</TableCell>
              <TableCell className="hidden align-top whitespace-normal md:table-cell">
                <div>{r.sourceLabel}</div>
                <div className="text-xs text-muted-foreground">{t(`sourceKinds.${r.sourceKind}`)}</div>
              </TableCell>
              <TableCell className="hidden align-top tabular-nums lg:table-cell">{time(r.enqueuedAt)}</TableCell>
              <TableCell className="hidden align-top sm:table-cell">
                <StateBadge row={r} />
              </TableCell>
              <TableCell className="align-top">
                <div className="flex flex-col items-end gap-2 xl:flex-row xl:justify-end">
                  <Button size="sm" variant="outline" onClick={() => setViewing(r)}>
                    {t('view')}
                  </Button>
                  <ConfirmButton
                    label={t('remove')}
                    title={t('removeTitle')}
                    description={t('removeDescription', { recipient: r.recipient })}
                    confirmLabel={t('removeConfirm')}
                    onConfirm={() => removeFromQueueAction({ instanceId, messageId: r.id })}
                    successMessage={t('removed')}
                    disabled={!canAct || r.state !== 'queued'}
                  />
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <MessageDetailDialog messageId={viewing?.id ?? null} recipient={viewing?.recipient ?? ''} onClose={() => setViewing(null)} />
    </>
  );
}

function StateBadge({ row }: { row: QueueRow }) {
  const t = useTranslations('queue');
  const format = useFormatter();
  const retrying = row.state === 'queued' && row.attempts > 0;
  return (
    <div className="flex flex-col gap-1">
      <Badge variant={row.state === 'processing' ? 'default' : 'secondary'}>{t(`states.${row.state}`)}</Badge>
      {retrying && (
        <span className="text-xs text-muted-foreground">
          {t('attemptsSoFar', { count: row.attempts })} · {t('retryAt', { time: format.dateTime(new Date(row.availableAt), { timeStyle: 'medium' }) })}
        </span>
      )}
    </div>
  );
}

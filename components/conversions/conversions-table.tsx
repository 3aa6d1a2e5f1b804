'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmButton } from '@/components/shell/confirm-button';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip';
import { resendNowAction } from '@/lib/conversions/actions';
import { RESENDABLE, type ConversionStatus } from '@/lib/conversions/states';
import { ConversionDetailSheet } from './conversion-detail-sheet';
import { ConversionStatusBadge } from './conversion-status-badge';

export interface ConversionItem {
  id: string;
  externalId: string;
  eventName: string;
  status: ConversionStatus;
  attempts: number;
  lastAttemptAt: string | null;
  nextAttemptAt: string;
  failureReason: string | null;
  createdAt: string;
  destinationName: string;
  storeName: string;
}

const resendable = (c: ConversionItem) => RESENDABLE.includes(c.status) && c.failureReason !== 'expirado';

/** The list with selection, "Reenviar agora" (one or many) and the detail sheet. */
export function ConversionsTable({ items, canResend }: { items: ConversionItem[]; canResend: boolean }) {
  const t = useTranslations('conversions');
  const format = useFormatter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<ConversionItem | null>(null);
  const candidates = items.filter(resendable);
  const chosen = candidates.filter((c) => selected.has(c.id)).map((c) => c.id);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'short' });
  const resend = (ids: string[]) => async () => {
    const result = await resendNowAction({ ids });
    if (result.ok) {
      setSelected(new Set());
      setOpen(null);
    }
    return result;
  };
  const done = (d: { sent: number; succeeded: number; waiting: number; failed: number; expired: number }) => t('resendDone', { ...d, failed: d.failed + d.expired });
  const resendButton = (ids: string[], label: string) => {
    const disabledReason = !canResend ? t('resendForbidden') : ids.length === 0 ? t('resendNothing') : null;
    const button = (
      <ConfirmButton
        label={label}
        title={t('resendTitle', { count: ids.length })}
        description={t('resendDescription')}
        confirmLabel={t('resendNow')}
        onConfirm={resend(ids)}
        successMessage={done}
        disabled={disabledReason !== null}
      />
    );
    if (!disabledReason) return button;
    return (
      <Tooltip>
        <TooltipTrigger asChild>
          <span tabIndex={0} aria-label={`${label}: ${disabledReason}`}>
            {button}
          </span>
        </TooltipTrigger>
        <TooltipContent>{disabledReason}</TooltipContent>
      </Tooltip>
    );
  };
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        {resendButton(chosen, t('resendSelected', { count: chosen.length }))}
        {!canResend && <p className="text-sm text-muted-foreground">{t('resendForbidden')}</p>}
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-8">
              <Checkbox
                aria-label={t('selectAll')}
                disabled={!canResend || candidates.length === 0}
                checked={candidates.length > 0 && chosen.length === candidates.length}
                onCheckedChange={(v) => setSelected(v === true ? new Set(candidates.map((c) => c.id)) : new Set())}
              />
            </TableHead>
            <TableHead>{t('event')}</TableHead>
            <TableHead className="hidden md:table-cell">{t('destination')}</TableHead>
            <TableHead>{t('statusColumn')}</TableHead>
            <TableHead className="hidden sm:table-cell">{t('attempts')}</TableHead>
            <TableHead className="hidden lg:table-cell">{t('lastAttempt')}</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">{t('details')}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((c) => (
            <TableRow key={c.id} data-testid={`conversion-${c.externalId}`}>
              <TableCell>
                <Checkbox
                  aria-label={t('selectOne', { name: `${c.eventName} ${c.externalId}` })}
                  disabled={!canResend || !resendable(c)}
                  checked={selected.has(c.id)}
                  onCheckedChange={(v) => toggle(c.id, v === true)}
                />
              </TableCell>
              <TableCell className="max-w-[10rem] sm:max-w-none">
                <div className="font-medium">{c.eventName}</div>
                <div className="truncate text-xs text-muted-foreground">{c.externalId}</div>
                <div className="text-xs text-muted-foreground md:hidden">{c.destinationName}</div>
              </TableCell>
              <TableCell className="hidden md:table-cell">
                {c.destinationName}
                <div className="text-xs text-muted-foreground">{c.storeName}</div>
              </TableCell>
              <TableCell>
                <ConversionStatusBadge status={c.status} />
                {c.status === 'waiting_retry' && <div className="mt-1 text-xs text-muted-foreground">{t('nextAttempt', { time: when(c.nextAttemptAt) })}</div>}
                {c.failureReason === 'expirado' && <div className="mt-1 text-xs text-muted-foreground">{c.failureReason}</div>}
              </TableCell>
              <TableCell className="hidden tabular-nums sm:table-cell">{c.attempts}</TableCell>
              <TableCell className="hidden lg:table-cell">{c.lastAttemptAt ? when(c.lastAttemptAt) : t('never')}</TableCell>
              <TableCell className="text-right">
                <Button variant="ghost" size="sm" onClick={() => setOpen(c)} aria-label={t('detailsOf', { name: `${c.eventName} ${c.externalId}` })}>
                  {t('details')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ConversionDetailSheet id={open?.id ?? null} name={open ? `${open.eventName} ${open.externalId}` : ''} onClose={() => setOpen(null)} resendButton={resendButton} />
    </div>
  );
}

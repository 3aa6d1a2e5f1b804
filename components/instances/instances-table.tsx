import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { InstanceStatusBadge, useIntervalLabel } from './instance-status-badge';

export interface InstanceListItem {
  id: string;
  name: string;
  phoneNumber: string;
  status: 'connected' | 'disconnected';
  paused: boolean;
  sendIntervalMs: number;
  dailyLimit: number | null;
  sentToday: number;
  queuedCount: number;
}

export function InstancesTable({ instances }: { instances: InstanceListItem[] }) {
  const t = useTranslations('instances');
  const interval = useIntervalLabel();
  const today = (i: InstanceListItem) => (i.dailyLimit === null ? String(i.sentToday) : t('todayValue', { sent: i.sentToday, limit: i.dailyLimit }));
  const manage = (i: InstanceListItem) => (
    <Button asChild variant="outline" size="sm">
      <Link href={`/instances/${i.id}`} aria-label={`${t('manage')}: ${i.name}`}>
        {t('manage')}
      </Link>
    </Button>
  );
  // The queue's size opens "Fila de envios"; its name says whose queue it is (rows repeat the words).
  const queue = (i: InstanceListItem) => (
    <Link
      href={`/instances/${i.id}/queue`}
      className="underline underline-offset-4 hover:text-foreground"
      aria-label={`${t('queueValue', { count: i.queuedCount })} — ${t('queueOf', { name: i.name })}`}
    >
      {t('queueValue', { count: i.queuedCount })}
    </Link>
  );
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t('name')}</TableHead>
          <TableHead className="hidden sm:table-cell">{t('status')}</TableHead>
          <TableHead className="hidden md:table-cell">{t('interval')}</TableHead>
          <TableHead className="hidden sm:table-cell">{t('today')}</TableHead>
          <TableHead className="hidden sm:table-cell">{t('queue')}</TableHead>
          <TableHead className="hidden text-right sm:table-cell">
            <span className="sr-only">{t('actions')}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {instances.map((i) => (
          <TableRow key={i.id} data-testid={`instance-${i.name}`}>
            <TableCell className="font-medium">
              {i.name}
              <div className="text-xs font-normal text-muted-foreground">{i.phoneNumber}</div>
              {/* On a phone the row stacks: facts, status and the button under the name. */}
              <div className="flex flex-col items-start gap-2 sm:hidden">
                <div className="text-xs font-normal text-muted-foreground">
                  {interval(i.sendIntervalMs)} · {t('todayCount', { sent: today(i) })} · {queue(i)}
                </div>
                <InstanceStatusBadge status={i.status} paused={i.paused} />
                {manage(i)}
              </div>
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <InstanceStatusBadge status={i.status} paused={i.paused} />
            </TableCell>
            <TableCell className="hidden md:table-cell">{interval(i.sendIntervalMs)}</TableCell>
            <TableCell className="hidden tabular-nums sm:table-cell">{today(i)}</TableCell>
            <TableCell className="hidden tabular-nums sm:table-cell">{queue(i)}</TableCell>
            <TableCell className="hidden text-right sm:table-cell">{manage(i)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

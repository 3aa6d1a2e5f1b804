import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { EventListRow } from '@/lib/events/list';
import { EventStatusBadge } from './event-status-badge';

/** Events newest first; the type links to the event page. `compact` drops the store column (store page). */
export async function EventsTable({ rows, compact = false }: { rows: EventListRow[]; compact?: boolean }) {
  const [t, format] = await Promise.all([getTranslations('events'), getFormatter()]);
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t('type')}</TableHead>
          {!compact && <TableHead className="hidden md:table-cell">{t('store')}</TableHead>}
          <TableHead className="hidden sm:table-cell">{t('contact')}</TableHead>
          <TableHead>{t('filterStatus')}</TableHead>
          <TableHead className="hidden sm:table-cell">{t('receivedAt')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((e) => (
          <TableRow key={e.id} data-testid="event-row">
            <TableCell className="max-w-40 font-medium">
              <Link href={`/events/${e.id}`} className="block break-all hover:underline">
                {e.type}
              </Link>
              <div className="truncate text-xs font-normal text-muted-foreground">{e.externalId}</div>
              <div className="text-xs font-normal text-muted-foreground sm:hidden">{format.dateTime(e.receivedAt, { dateStyle: 'short', timeStyle: 'medium' })}</div>
            </TableCell>
            {!compact && (
              <TableCell className="hidden md:table-cell">
                <Link href={`/stores/${e.storeId}`} className="hover:underline">
                  {e.storeName}
                </Link>
              </TableCell>
            )}
            <TableCell className="hidden sm:table-cell">
              {e.contactName ?? '—'}
              <div className="text-xs text-muted-foreground">{e.contactPhone}</div>
            </TableCell>
            <TableCell>
              <EventStatusBadge status={e.status} />
            </TableCell>
            <TableCell className="hidden whitespace-nowrap sm:table-cell">{format.dateTime(e.receivedAt, { dateStyle: 'short', timeStyle: 'medium' })}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

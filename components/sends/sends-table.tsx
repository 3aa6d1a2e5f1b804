import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { Progress } from '@/components/ui/progress';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { SendListRow } from '@/lib/sends/queries';
import { SendRowActions } from './row-actions';
import { ScheduleLabel } from './schedule-label';
import { SendStateBadge } from './state-badge';

function Progression({ row }: { row: SendListRow }) {
  const t = useTranslations('sends');
  if (row.state !== 'in_progress' && row.state !== 'done') return <span className="text-muted-foreground">—</span>;
  const generating = row.state === 'in_progress' && row.generated < row.total;
  const value = row.total === 0 ? 100 : Math.round(((generating ? row.generated : row.ended) / row.total) * 100);
  const label = generating ? t('generatedOf', { generated: row.generated, total: row.total }) : t('endedOf', { ended: row.ended, total: row.total });
  return (
    <div className="flex min-w-28 flex-col gap-1">
      <Progress value={value} aria-label={label} />
      <span className="text-xs text-muted-foreground">{label}</span>
    </div>
  );
}

/** "Listar Configurações": one row per configuration with its current state and the ⋯ menu. */
export function SendsTable(props: { rows: SendListRow[]; canAbort: boolean; canEdit: boolean; forbiddenReason: string }) {
  const t = useTranslations('sends');
  const format = useFormatter();
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t('col.name')}</TableHead>
          <TableHead className="hidden md:table-cell">{t('col.store')}</TableHead>
          <TableHead className="hidden sm:table-cell">{t('col.audience')}</TableHead>
          <TableHead className="hidden lg:table-cell">{t('col.schedule')}</TableHead>
          <TableHead>{t('col.state')}</TableHead>
          <TableHead className="hidden sm:table-cell">{t('col.progress')}</TableHead>
          <TableHead className="w-10 text-right">
            <span className="sr-only">{t('col.actions')}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((row) => (
          <TableRow key={row.id} data-testid={`send-${row.name}`}>
            <TableCell className="max-w-48 font-medium whitespace-normal">
              <Link href={`/sends/${row.id}`} className="underline-offset-4 hover:underline">
                {row.name}
              </Link>
              <div className="text-xs font-normal text-muted-foreground md:hidden">{row.storeName}</div>
              <div className="text-xs font-normal text-muted-foreground sm:hidden">{t('recipients', { count: row.audience })}</div>
            </TableCell>
            <TableCell className="hidden md:table-cell">{row.storeName}</TableCell>
            <TableCell className="hidden tabular-nums sm:table-cell">{format.number(row.audience)}</TableCell>
            <TableCell className="hidden whitespace-normal lg:table-cell">
              <ScheduleLabel schedule={row.schedule} timeZone={row.timeZone} />
            </TableCell>
            <TableCell>
              <SendStateBadge state={row.state} />
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <Progression row={row} />
            </TableCell>
            <TableCell className="text-right">
              <SendRowActions id={row.id} name={row.name} abort={row.abort} canAbort={props.canAbort} canEdit={props.canEdit} forbiddenReason={props.forbiddenReason} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

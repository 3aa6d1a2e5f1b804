import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listArchiveRuns } from '@/lib/archive/queries';
import { ArchiveNowButton } from './archive-now-button';

/** /admin "Arquivamento": the latest runs (when, rows moved, duration) and "Arquivar agora". */
export async function ArchiveRuns({ admin }: { admin: { isPlatformAdmin: boolean } }) {
  const [t, format, runs] = await Promise.all([getTranslations('events.archive'), getFormatter(), listArchiveRuns(admin)]);
  const state = { running: t('stateRunning'), done: t('stateDone'), failed: t('stateFailed') };
  return (
    <section className="flex flex-col gap-3" aria-labelledby="admin-archive">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="admin-archive" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <ArchiveNowButton />
      </div>
      <p className="text-sm text-muted-foreground">{t('help')}</p>
      {runs.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('when')}</TableHead>
              <TableHead className="hidden sm:table-cell">{t('trigger')}</TableHead>
              <TableHead>{t('state')}</TableHead>
              <TableHead className="text-right">{t('events')}</TableHead>
              <TableHead className="text-right">{t('messages')}</TableHead>
              <TableHead className="hidden text-right sm:table-cell">{t('duration')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {runs.map((r) => (
              <TableRow key={r.id} data-testid="archive-run">
                <TableCell>{format.dateTime(r.startedAt, { dateStyle: 'short', timeStyle: 'medium' })}</TableCell>
                <TableCell className="hidden sm:table-cell">{r.trigger === 'cron' ? t('triggerCron') : t('triggerManual')}</TableCell>
                <TableCell>
                  <Badge variant={r.state === 'done' ? 'success' : r.state === 'failed' ? 'destructive' : 'secondary'} title={r.error ?? undefined}>
                    {state[r.state]}
                  </Badge>
                </TableCell>
                <TableCell className="text-right tabular-nums">{format.number(r.eventsMoved)}</TableCell>
                <TableCell className="text-right tabular-nums">{format.number(r.messagesMoved)}</TableCell>
                <TableCell className="hidden text-right tabular-nums sm:table-cell">{r.durationMs === null ? '—' : `${format.number(r.durationMs / 1000)} s`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

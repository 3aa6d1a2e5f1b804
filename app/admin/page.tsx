import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ArchiveRuns } from '@/components/admin/archive-runs';
import { AutoRefresh } from '@/components/shell/auto-refresh';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listAccountsForAdmin, listJobQueues, listWorkersForAdmin } from '@/lib/admin/queries';
import { getSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Admin' };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-3" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AdminPage() {
  const admin = (await getSessionUser())!;
  const [t, format] = await Promise.all([getTranslations('admin'), getFormatter()]);
  const [accounts, queues, workers] = await Promise.all([listAccountsForAdmin(admin), listJobQueues(admin), listWorkersForAdmin(admin)]);
  const when = (d: Date | string) => format.dateTime(new Date(d), { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <div className="flex flex-col gap-8">
      <AutoRefresh seconds={10} />
      <PageHeader title={t('title')} description={t('description')} />
      <Section id="admin-accounts" title={t('accounts')}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('accountName')}</TableHead>
              <TableHead className="text-right">{t('members')}</TableHead>
              <TableHead>{t('created')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {accounts.map((a) => (
              <TableRow key={a.id}>
                <TableCell className="font-medium">{a.name}</TableCell>
                <TableCell className="text-right tabular-nums">{a.members}</TableCell>
                <TableCell>{when(a.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section id="admin-queues" title={t('queues')}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('queue')}</TableHead>
              <TableHead className="text-right">{t('queued')}</TableHead>
              <TableHead className="text-right">{t('active')}</TableHead>
              <TableHead className="text-right">{t('failed')}</TableHead>
              <TableHead className="text-right">{t('completed')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {queues.map((q) => (
              <TableRow key={q.name} data-testid={`queue-${q.name}`}>
                <TableCell className="font-mono text-xs">{q.name}</TableCell>
                {[q.queued, q.active, q.failed, q.completed].map((n, i) => (
                  <TableCell key={i} className="text-right tabular-nums">
                    {n}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section id="admin-workers" title={t('workers')}>
        {workers.length === 0 ? (
          <EmptyState title={t('workersEmpty')} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t('worker')}</TableHead>
                <TableHead>{t('kind')}</TableHead>
                <TableHead>{t('startedAt')}</TableHead>
                <TableHead>{t('lastSeen')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {workers.map((w) => (
                <TableRow key={w.id} data-testid="worker-row">
                  <TableCell className="font-mono text-xs">{w.id}</TableCell>
                  <TableCell>{w.kind}</TableCell>
                  <TableCell>{when(w.startedAt)}</TableCell>
                  <TableCell>{when(w.lastSeenAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      <ArchiveRuns admin={admin} />
    </div>
  );
}

import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { AudienceUpload } from '@/components/sends/audience-upload';
import { ConfirmSendButton } from '@/components/sends/confirm-send-button';
import { ImplantacaoBlock } from '@/components/sends/implantacao-block';
import { SendRowActions } from '@/components/sends/row-actions';
import { RunCard } from '@/components/sends/run-card';
import { ScheduleLabel } from '@/components/sends/schedule-label';
import { SendStateBadge } from '@/components/sends/state-badge';
import { AutoRefresh } from '@/components/shell/auto-refresh';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { notFound } from 'next/navigation';
import { getSendDetail } from '@/lib/sends/queries';

export const metadata: Metadata = { title: 'Configuração de envio' };

async function load(id: string) {
  const actor = await requireActor();
  try {
    return { actor, detail: await getSendDetail(actor, id) };
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

export default async function SendDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const { actor, detail } = await load(id);
  const [t, format] = await Promise.all([getTranslations('sends'), getFormatter()]);
  const { config, runs } = detail;
  const dateTime = new Intl.DateTimeFormat(await getLocale(), { dateStyle: 'short', timeStyle: 'short', timeZone: config.timeZone });
  const draft = config.status === 'draft';
  const state = draft ? 'draft' : (runs.find((r) => !['done', 'failed', 'aborted', 'cancelled'].includes(r.state)) ?? runs[0])?.state ?? 'draft';
  const canStart = can(actor.role, 'startDeliveries');
  const confirmBlocked = !canStart ? t('forbiddenConfirm') : config.audienceState !== 'ready' || config.valid === 0 ? t('detail.noAudience') : null;
  const live = runs.some((r) => ['processing', 'in_progress'].includes(r.state)) || config.audienceState === 'importing';
  const item = (label: string, value: React.ReactNode, className = '') => (
    <div className={`flex flex-col gap-0.5 ${className}`}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm break-words">{value}</dd>
    </div>
  );
  return (
    <div className="flex flex-col gap-6">
      {live && <AutoRefresh seconds={3} />}
      <PageHeader
        title={config.name}
        description={
          <span className="flex items-center gap-2">
            {t('title')} · <SendStateBadge state={state} />
          </span>
        }
        actions={
          <>
            {draft && <ConfirmSendButton configId={config.id} disabledReason={confirmBlocked} />}
            <SendRowActions id={config.id} name={config.name} abort={detail.abort} canAbort={canStart} canEdit={can(actor.role, 'editContent')} forbiddenReason={t('forbiddenAbort')} />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('detail.configuration')}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 sm:grid-cols-2">
              {item(t('col.store'), config.storeName)}
              {item(t('col.schedule'), <ScheduleLabel schedule={config.schedule} timeZone={config.timeZone} />)}
              {item(t('form.instances'), detail.instances.map((i) => i.name).join(', ') || '—')}
              {item(t('detail.validity'), t('detail.validityValue', { hours: config.validityHours }))}
              {item(t('detail.message'), <span className="whitespace-pre-wrap">{config.body}</span>, 'sm:col-span-2')}
            </dl>
            {config.confirmedAt && (
              <p className="mt-4 text-xs text-muted-foreground">{t('detail.confirmedBy', { name: config.confirmedBy ?? '—', at: dateTime.format(config.confirmedAt) })}</p>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('detail.audience')}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {config.audienceState === 'failed' && <p className="text-sm text-destructive">{t('detail.audienceFailed', { error: config.audienceError ?? '' })}</p>}
            {config.audienceState === 'empty' && <p className="text-sm text-muted-foreground">{t('detail.noAudience')}</p>}
            <dl className="grid grid-cols-3 gap-3">
              {(
                [
                  ['valid', config.valid],
                  ['invalid', config.invalid],
                  ['duplicates', config.duplicates],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="rounded-md border p-3">
                  <dt className="text-xs text-muted-foreground">{t(`detail.${key}`)}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{format.number(value)}</dd>
                </div>
              ))}
            </dl>
            {config.audienceFileName && <dl>{item(t('detail.file'), config.audienceFileName)}</dl>}
            {detail.errors.length > 0 && (
              <div className="flex flex-col gap-2">
                <h3 className="text-sm font-medium">{t('detail.firstErrors')}</h3>
                <ul className="flex flex-col gap-1 text-sm">
                  {detail.errors.map((e) => (
                    <li key={e.lineNo}>
                      <span className="font-medium">{t('detail.line', { line: e.lineNo })}</span>: {e.reason}
                    </li>
                  ))}
                </ul>
                <Button variant="outline" size="sm" asChild className="self-start">
                  <a href={`/sends/${config.id}/audience/errors`} download>
                    {t('detail.downloadErrors')}
                  </a>
                </Button>
              </div>
            )}
            {detail.preview.length > 0 && (
              <div className="flex flex-col gap-2">
                <h3 className="text-sm font-medium">{t('detail.preview')}</h3>
                <div className="overflow-x-auto rounded-md border">
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead>{t('col.name')}</TableHead>
                        <TableHead>{t('form.previewMessage')}</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {detail.preview.map((p) => (
                        <TableRow key={p.lineNo}>
                          <TableCell>
                            <div>{p.name ?? '—'}</div>
                            <div className="text-xs text-muted-foreground tabular-nums">{p.phone}</div>
                          </TableCell>
                          <TableCell className="min-w-48 whitespace-pre-wrap">{p.message}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </div>
            )}
            {draft && can(actor.role, 'editContent') && <AudienceUpload configId={config.id} body={config.body} hasAudience={config.audienceState === 'ready'} />}
          </CardContent>
        </Card>
      </div>
      <ImplantacaoBlock configId={config.id} timeZone={config.timeZone} />
      <section aria-labelledby="send-runs" className="flex flex-col gap-4">
        <h2 id="send-runs" className="text-lg font-semibold">
          {t('detail.runs')}
        </h2>
        {runs.length === 0 ? <p className="text-sm text-muted-foreground">{t('detail.noRuns')}</p> : runs.map((r) => <RunCard key={r.id} run={r} timeZone={config.timeZone} />)}
      </section>
    </div>
  );
}

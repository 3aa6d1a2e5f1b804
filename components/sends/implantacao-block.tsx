import { useFormatter } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { AutoRefresh } from '@/components/shell/auto-refresh';
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { Progress } from '@/components/ui/progress';
import { requireActor } from '@/lib/auth/session';
import { deploymentOf, type RunDeployment } from '@/lib/deliveries/queries';
import { ComputeStatsButton, ConfirmEachRunSwitch } from './compute-stats-button';
import { ConfirmSendButton } from './confirm-send-button';
import { SendStateBadge } from './state-badge';

const KPIS = ['toDeliver', 'sent', 'delivered', 'errors', 'read', 'clicked'] as const;

/**
 * "Implantação" on /sends/<id>: per run (latest first), live progress while processing, generating
 * and sending, then the six indicators, the sending-log statuses, when they were computed and
 * "Calcular estatísticas". Polls while a run is due, live or just ended; reading recomputes live figures.
 */
export async function ImplantacaoBlock({ configId, timeZone }: { configId: string; timeZone: string }) {
  const actor = await requireActor();
  const deployment = await deploymentOf(actor, configId);
  const t = await getTranslations('deliveries');
  const format = new Intl.DateTimeFormat(await getLocale(), { dateStyle: 'short', timeStyle: 'short', timeZone });
  const precise = new Intl.DateTimeFormat(await getLocale(), { dateStyle: 'short', timeStyle: 'medium', timeZone });
  return (
    <section aria-labelledby="implantacao" className="flex flex-col gap-4" data-testid="implantacao">
      {deployment.runs.some((r) => r.poll) && <AutoRefresh seconds={3} />}
      <h2 id="implantacao" className="text-lg font-semibold">
        {t('title')}
      </h2>
      {deployment.configStatus === 'draft' && deployment.recurring && (
        <ConfirmEachRunSwitch configId={configId} checked={deployment.confirmEachRun} disabled={!deployment.canEdit} />
      )}
      {deployment.runs.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        deployment.runs.map((run) => (
          <RunBlock key={run.runId} run={run} at={format.format(run.scheduledAt)} format={precise} canConfirm={deployment.canConfirm} t={t} />
        ))
      )}
    </section>
  );
}

function RunBlock({
  run,
  at,
  format,
  canConfirm,
  t,
}: {
  run: RunDeployment;
  at: string;
  /** With seconds: "Calcular estatísticas" visibly moves it. */
  format: Intl.DateTimeFormat;
  canConfirm: boolean;
  t: Awaited<ReturnType<typeof getTranslations<'deliveries'>>>;
}) {
  const s = run.stats;
  const formatter = useFormatter();
  const number = (n: number, options?: { maximumFractionDigits: number }) => formatter.number(n, options);
  const progress =
    run.phase === 'generating'
      ? { label: t('phase.generating', { done: run.generated, total: run.total }), value: run.generated, max: run.total }
      : run.phase === 'sending' && s
        ? { label: t('phase.sending', { done: s.sent, total: s.toDeliver }), value: s.sent, max: s.toDeliver }
        : null;
  const value = (k: (typeof KPIS)[number]) => {
    if (!s || !run.pct) return '—';
    if (k === 'toDeliver' || k === 'sent') return number(s[k]);
    return `${number(run.pct[k], { maximumFractionDigits: 1 })}%`;
  };
  return (
    <Card data-testid="implantacao-run">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2 text-base">
          {t('runTitle', { at })} <SendStateBadge state={run.state} />
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {run.state === 'awaiting_confirmation' && (
          <div className="flex flex-col gap-2">
            <p className="text-sm">{t('phase.awaiting', { at })}</p>
            <ConfirmSendButton runId={run.runId} disabledReason={canConfirm ? null : t('forbidden')} />
          </div>
        )}
        {run.state === 'scheduled' && <p className="text-sm text-muted-foreground">{t('phase.waiting', { at })}</p>}
        {run.phase === 'processing' && <p className="text-sm text-muted-foreground">{t('phase.processing')}</p>}
        {progress && (
          <div className="flex flex-col gap-1.5">
            <p className="text-sm tabular-nums">{progress.label}</p>
            <Progress value={progress.value} max={Math.max(1, progress.max)} aria-label={progress.label} />
          </div>
        )}
        {s && (
          <>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
              {KPIS.map((k) => (
                <div key={k} className="rounded-md border p-3">
                  <dt className="text-xs text-muted-foreground">{t(`kpi.${k}`)}</dt>
                  <dd className="text-lg font-semibold tabular-nums" data-testid={`kpi-${k}`}>
                    {value(k)}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="text-sm text-muted-foreground">
              <span className="sr-only">{t('logs')}: </span>
              {t('log.pending')} {number(s.pending)} · {t('log.sent')} {number(s.delivered)} · {t('log.failed')} {number(s.errors)}
            </p>
          </>
        )}
      </CardContent>
      {run.phase !== 'waiting' && (
        <CardFooter className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-xs text-muted-foreground" data-testid="computed-at">
            {s ? t('computedAt', { at: format.format(s.computedAt) }) : t('notComputed')}
          </p>
          <ComputeStatsButton runId={run.runId} />
        </CardFooter>
      )}
    </Card>
  );
}

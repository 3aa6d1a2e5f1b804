import 'server-only';
import { getSql } from '@/db/client';
import { assertCan, can, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { scheduleOf } from '@/lib/sends/lifecycle';
import { isRecurring } from '@/lib/sends/schedule';
import { getConfigOrThrow } from '@/lib/sends/service';
import type { RunState } from '@/lib/sends/states';
import { computeRunStats, liveMaxAgeMs, percentages, storedRunStats, type Percentages, type RunStats } from './stats';

/** Where a run is in its deployment, for the block's progress. */
export type Phase = 'waiting' | 'processing' | 'generating' | 'sending' | 'ended';

export interface RunDeployment {
  runId: string;
  state: RunState;
  scheduledAt: Date;
  phase: Phase;
  total: number;
  generated: number;
  stats: RunStats | null;
  pct: Percentages | null;
  /** The block should poll: the run is due within a minute, or just ended (its last receipts are arriving). */
  poll: boolean;
}

export interface Deployment {
  configStatus: 'draft' | 'active' | 'aborted' | 'finished';
  recurring: boolean;
  confirmEachRun: boolean;
  canConfirm: boolean;
  canEdit: boolean;
  runs: RunDeployment[];
}

const RUNS_SHOWN = 5;
/** A run that ended this recently still gets live figures on read. */
const JUST_ENDED_MS = 2 * 60_000;

function phaseOf(r: { state: RunState; generationStartedAt: Date | null; generationFinishedAt: Date | null }): Phase {
  if (r.state === 'awaiting_confirmation' || r.state === 'scheduled') return 'waiting';
  if (r.state === 'processing') return 'processing';
  if (r.state === 'in_progress') return r.generationFinishedAt ? 'sending' : 'generating';
  return 'ended';
}

/**
 * The "Implantação" data of a configuration: its latest runs with their indicators. While a run
 * generates or sends, a snapshot older than liveMaxAgeMs is recomputed on read (the page polls);
 * otherwise the stored snapshot is shown (hourly job, "Calcular estatísticas").
 */
export async function deploymentOf(actor: Actor, configId: string): Promise<Deployment> {
  assertCan(actor, 'viewAccount');
  const config = await getConfigOrThrow(actor.accountId, configId);
  const runs = await getSql()<
    { id: string; state: RunState; scheduledAt: Date; total: number; generated: number; generationStartedAt: Date | null; generationFinishedAt: Date | null; finishedAt: Date | null }[]
  >`
    SELECT id, state, scheduled_at AS "scheduledAt", total, generated, generation_started_at AS "generationStartedAt",
           generation_finished_at AS "generationFinishedAt", finished_at AS "finishedAt"
    FROM send_runs WHERE config_id = ${configId} ORDER BY scheduled_at DESC, created_at DESC LIMIT ${RUNS_SHOWN}`;
  const out: RunDeployment[] = [];
  for (const r of runs) {
    const phase = phaseOf(r);
    let stats = r.generationStartedAt ? await storedRunStats(r.id) : null;
    const t = now().getTime();
    const stale = !stats || t - stats.computedAt.getTime() > liveMaxAgeMs(r.total);
    // Live: generating, sending, or just ended (the last receipts are still arriving).
    const justEnded = r.finishedAt !== null && t - r.finishedAt.getTime() < JUST_ENDED_MS;
    if (r.generationStartedAt && stale && (!stats || phase === 'generating' || phase === 'sending' || justEnded)) stats = await computeRunStats(r.id);
    const dueSoon = r.state === 'scheduled' && r.scheduledAt.getTime() - t < 60_000;
    out.push({
      runId: r.id,
      state: r.state,
      scheduledAt: r.scheduledAt,
      phase,
      total: r.total,
      generated: r.generated,
      stats,
      pct: stats ? percentages(stats) : null,
      poll: dueSoon || phase === 'processing' || phase === 'generating' || phase === 'sending' || justEnded,
    });
  }
  return {
    configStatus: config.status,
    recurring: isRecurring(scheduleOf(config)),
    confirmEachRun: config.confirmEachRun,
    canConfirm: can(actor.role, 'startDeliveries'),
    canEdit: can(actor.role, 'editContent'),
    runs: out,
  };
}

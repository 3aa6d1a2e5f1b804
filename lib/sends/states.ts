/** The states a run moves through (SPEC §5) and the seed's abort rules, as data and one pure decision. */
export const RUN_STATES = ['awaiting_confirmation', 'scheduled', 'processing', 'in_progress', 'done', 'failed', 'aborted', 'cancelled'] as const;
export type RunState = (typeof RUN_STATES)[number];

/** What the list shows and filters by ("Estado de Envio"): a draft configuration, or its current run's state. */
export const SEND_STATES = ['draft', ...RUN_STATES] as const;
export type SendState = (typeof SEND_STATES)[number];

export const FINAL_RUN_STATES: readonly RunState[] = ['done', 'failed', 'aborted', 'cancelled'];

export function isFinal(state: RunState): boolean {
  return FINAL_RUN_STATES.includes(state);
}

export interface AbortableRun {
  state: RunState;
  abortRequestedAt: Date | null;
  generationStartedAt: Date | null;
}

export type AbortDecision =
  | { allowed: true; outcome: 'aborted' | 'recorded' }
  | { allowed: false; reason: 'draft' | 'generation_started' | 'already_requested' | 'final' };

/**
 * The seed's rules: SCHEDULED → Abortado at once; PROCESANDO → recorded, Cancelado when processing
 * ends; IN-PROGRESS before generation → Abortado; IN-PROGRESS once generation started → refused.
 * `null` is a configuration still in Rascunho (nothing was scheduled, so nothing to abort).
 */
export function abortDecision(run: AbortableRun | null): AbortDecision {
  if (!run) return { allowed: false, reason: 'draft' };
  switch (run.state) {
    case 'awaiting_confirmation':
    case 'scheduled':
      return { allowed: true, outcome: 'aborted' };
    case 'processing':
      return run.abortRequestedAt ? { allowed: false, reason: 'already_requested' } : { allowed: true, outcome: 'recorded' };
    case 'in_progress':
      return run.generationStartedAt ? { allowed: false, reason: 'generation_started' } : { allowed: true, outcome: 'aborted' };
    default:
      return { allowed: false, reason: 'final' };
  }
}

/** pt-BR reasons for a refused abort (the server's error message; the UI shows the translated one). */
export const ABORT_REFUSALS: Record<Extract<AbortDecision, { allowed: false }>['reason'], string> = {
  draft: 'A configuração ainda é um rascunho: não há envio para abortar.',
  generation_started: 'A geração já começou: o envio não pode mais ser interrompido (o lote em geração será concluído e enviado).',
  already_requested: 'O cancelamento já foi registrado: o envio será cancelado ao fim do processamento.',
  final: 'Este envio já terminou.',
};

/** The decision for a configuration: Rascunho has nothing to abort; with no run left open, it has ended. */
export function abortDecisionFor(status: 'draft' | 'active' | 'aborted' | 'finished', current: AbortableRun | null): AbortDecision {
  if (status === 'draft') return abortDecision(null);
  return current ? abortDecision(current) : { allowed: false, reason: 'final' };
}

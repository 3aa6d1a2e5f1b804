/**
 * The seed's status machine (SPEC §4), as data. Labels (pt-BR, verbatim from the seed) live in
 * messages/<locale>/conversions.json under `status.<value>`.
 *
 *   Enviando → Sucesso | Falha | Esperando Retentativa
 *   Esperando Retentativa → Reenviando (every 30 minutes since the last attempt, or "Reenviar agora")
 *                         → Falha ("expirado", past the platform's window)
 *   Reenviando → Sucesso | Falha | Esperando Retentativa
 *   Falha → Reenviando (only by hand, "Reenviar agora"; never for an expired event)
 */
export const CONVERSION_STATUSES = ['sending', 'succeeded', 'failed', 'waiting_retry', 'resending'] as const;
export type ConversionStatus = (typeof CONVERSION_STATUSES)[number];

const TRANSITIONS: Record<ConversionStatus, readonly ConversionStatus[]> = {
  sending: ['succeeded', 'failed', 'waiting_retry'],
  waiting_retry: ['resending', 'failed'],
  resending: ['succeeded', 'failed', 'waiting_retry'],
  failed: ['resending'],
  succeeded: [],
};

export function canTransition(from: ConversionStatus, to: ConversionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses "Reenviar agora" accepts. */
export const RESENDABLE: readonly ConversionStatus[] = ['waiting_retry', 'failed'];

/** Why an event ended in Falha without an attempt: it left the platform's acceptance window. */
export const EXPIRED_REASON = 'expirado';

/** How a platform answer is treated: success, permanent (Falha), transient (Esperando Retentativa). */
export type DeliveryOutcome = 'success' | 'permanent' | 'transient';

/** The status an attempt's outcome leads to; a transient outcome past the window fails as expired. */
export function statusAfter(outcome: DeliveryOutcome, expired: boolean): ConversionStatus {
  if (outcome === 'success') return 'succeeded';
  if (outcome === 'permanent' || expired) return 'failed';
  return 'waiting_retry';
}

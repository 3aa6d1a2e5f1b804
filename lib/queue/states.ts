/**
 * State machines as data (ARCHITECTURE §5). Every change is a conditional UPDATE … WHERE state =
 * $from in SQL; these tables are what those statements implement and what the tests check.
 */
export const MESSAGE_STATES = ['queued', 'processing', 'sent', 'failed', 'removed'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

const MESSAGE_TRANSITIONS: Record<MessageState, readonly MessageState[]> = {
  queued: ['processing', 'removed'],
  // sent; failed (permanent, or the last transient); queued (transient with attempts left, lease expired)
  processing: ['sent', 'failed', 'queued'],
  sent: [],
  failed: [],
  removed: ['queued'], // "Recuperar mensagens", within 48 hours
};

export function canTransition(from: MessageState, to: MessageState): boolean {
  return MESSAGE_TRANSITIONS[from].includes(to);
}

/** The list filter on "Fila de envios": Aguardando / Processando / Todos. */
export const QUEUE_FILTERS = ['queued', 'processing', 'all'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/** "Status da fila", most important first. */
export const QUEUE_STATUSES = ['disconnected', 'paused', 'limitReached', 'sending', 'empty'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export function queueStatus(i: { connected: boolean; paused: boolean; dailyLimit: number | null; sentToday: number; queued: number; processing: number }): QueueStatus {
  if (!i.connected) return 'disconnected';
  if (i.paused) return 'paused';
  if (i.dailyLimit !== null && i.sentToday >= i.dailyLimit) return 'limitReached';
  return i.queued + i.processing > 0 ? 'sending' : 'empty';
}

export const OPERATION_KINDS = ['clear', 'recover', 'rebalance'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export const OPERATION_STATES = ['pending', 'running', 'done', 'failed'] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

const OPERATION_TRANSITIONS: Record<OperationState, readonly OperationState[]> = {
  pending: ['running', 'failed'],
  running: ['running', 'done', 'failed'], // running → running: a retried job resumes
  done: [],
  failed: [],
};

export function canOperationTransition(from: OperationState, to: OperationState): boolean {
  return OPERATION_TRANSITIONS[from].includes(to);
}

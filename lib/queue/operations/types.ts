import type { TransactionSql } from 'postgres';
import type { OperationKind } from '../states';

/** Where a batched operation resumes: the last (enqueued_at, id) it looked at, plus its own state. */
export interface OperationCursor {
  at: string;
  id: string;
  /** Rebalance: per store, per target instance, the last virtual slot used. */
  offsets?: Record<string, Record<string, number>>;
}

export const START_CURSOR: OperationCursor = { at: '1970-01-01T00:00:00.000Z', id: '00000000-0000-0000-0000-000000000000' };

export interface OperationContext {
  id: string;
  kind: OperationKind;
  accountId: string;
  instanceId: string;
  requestedBy: string | null;
  createdAt: Date;
  cursor: OperationCursor;
  result: Record<string, number>;
}

export interface BatchOutcome {
  /** Rows looked at (progress). */
  scanned: number;
  /** Totals to add to the operation's result, e.g. { removed: 25000 }. */
  counts: Record<string, number>;
  cursor: OperationCursor;
}

export type BatchStep = (tx: TransactionSql, op: OperationContext, at: Date, batchSize: number) => Promise<BatchOutcome>;

/** Rows per batch: a short transaction each, with progress written after every one. */
export const BATCH_SIZE = 25_000;
/** "Recuperar mensagens" looks this far back. */
export const RECOVER_WINDOW_MS = 48 * 3_600_000;

/**
 * The cursor after a batch: its last row's (enqueued_at, id). The time stays the text Postgres wrote
 * (microseconds): through a JS Date it would lose them and the next batch would read that row
 * again. For the same reason the batches bind it as `::text` (a parameter typed timestamptz goes
 * through postgres.js's Date serializer) and cast it in SQL.
 */
export function nextCursor(last: { at: string; id: string } | undefined, previous: OperationCursor): OperationCursor {
  if (!last) return previous;
  return { ...previous, at: last.at, id: last.id };
}

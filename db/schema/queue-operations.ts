import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accountIdColumn, users } from './accounts';
import { createdAt, id, tstz } from './_helpers';
import { instances } from './instances';

export const queueOperationKindEnum = pgEnum('queue_operation_kind', ['clear', 'recover', 'rebalance']);
export const queueOperationStateEnum = pgEnum('queue_operation_state', ['pending', 'running', 'done', 'failed']);

/**
 * "Limpar fila", "Recuperar mensagens" and "Rebalancear fila" run in bounded batches, inline when
 * small and as a pg-boss job when large; `done / total` is the progress the screen shows, and
 * `cursor` lets a retried job resume. One open operation per instance.
 */
export const queueOperations = pgTable(
  'queue_operations',
  {
    id: id(),
    accountId: accountIdColumn(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => instances.id),
    kind: queueOperationKindEnum('kind').notNull(),
    state: queueOperationStateEnum('state').notNull().default('pending'),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    cursor: jsonb('cursor').$type<Record<string, unknown>>(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    uniqueIndex('queue_operations_open_key').on(t.instanceId).where(sql`state IN ('pending', 'running')`),
    index('queue_operations_instance_idx').on(t.instanceId, t.createdAt),
  ],
);

import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { getInstanceOrThrow } from '@/lib/instances/queries';
import { listQueue } from './list';
import { getQueueOperations } from './operations/queries';
import { getQueueOverview, getSentLast7Days } from './queries';
import { QUEUE_FILTERS, type QueueFilter } from './states';

export interface QueueScreenParams {
  filter: QueueFilter;
  q: string;
  after?: string;
  before?: string;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The URL's search params (estado, q, after, before) → the list's options; unknown values fall back to "Todos". */
export function parseQueueParams(query: Record<string, string | string[] | undefined>): QueueScreenParams {
  const estado = one(query.estado);
  return {
    filter: QUEUE_FILTERS.includes(estado as QueueFilter) ? (estado as QueueFilter) : 'all',
    q: (one(query.q) ?? '').slice(0, 40),
    after: one(query.after),
    before: one(query.before),
  };
}

/** Everything "Fila de envios" shows, read in parallel after one ownership check. */
export async function loadQueueScreen(actor: Actor, instanceId: string, params: QueueScreenParams) {
  const instance = await getInstanceOrThrow(actor.accountId, instanceId);
  const [overview, chart, page, operations] = await Promise.all([
    getQueueOverview(actor, instanceId),
    getSentLast7Days(actor, instanceId),
    listQueue(actor, instanceId, params),
    getQueueOperations(actor, instanceId),
  ]);
  return { instance: { id: instance.id, name: instance.name }, overview, chart, page, operations };
}

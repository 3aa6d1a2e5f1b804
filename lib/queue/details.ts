import 'server-only';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import type { MessageState } from './states';

export type TimelineEntry =
  | { kind: 'enqueued' | 'recovered' | 'sent' | 'delivered' | 'read' | 'failed'; at: Date }
  | { kind: 'moved'; at: Date; from: string | null }
  | { kind: 'removed'; at: Date; by: string | null; reason: string | null }
  | { kind: 'attempt'; at: Date; attempt: number; outcome: string; error: string | null; httpStatus: number | null; durationMs: number };

export interface MessageDetail {
  id: string;
  instanceId: string;
  storeId: string | null;
  storeName: string | null;
  recipient: string;
  body: string;
  sourceKind: 'event' | 'send' | 'test';
  sourceLabel: string;
  payload: unknown;
  state: MessageState;
  attempts: number;
  deliveryStatus: string | null;
  lastError: string | null;
  timeline: TimelineEntry[];
}

interface Row {
  id: string;
  instanceId: string;
  storeId: string | null;
  storeName: string | null;
  recipient: string;
  body: string;
  sourceKind: MessageDetail['sourceKind'];
  sourceLabel: string;
  payload: unknown;
  state: MessageState;
  attempts: number;
  deliveryStatus: string | null;
  lastError: string | null;
  enqueuedAt: Date;
  movedAt: Date | null;
  movedFrom: string | null;
  removedAt: Date | null;
  removedBy: string | null;
  removedReason: string | null;
  recoveredAt: Date | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
}

interface AttemptRow {
  attempt: number;
  startedAt: Date;
  finishedAt: Date;
  outcome: string;
  error: string | null;
  httpStatus: number | null;
}

/** "Ver": the notification's source payload, the rendered text and the timeline of attempts. */
export async function getMessageDetail(actor: Actor, messageId: string): Promise<MessageDetail> {
  assertCan(actor, 'viewAccount');
  const sql = getSql();
  const [m] = await sql<Row[]>`
    SELECT m.id, m.instance_id AS "instanceId", m.store_id AS "storeId", s.name AS "storeName", m.recipient, m.body,
           m.source_kind AS "sourceKind", m.source_label AS "sourceLabel", m.payload, m.state, m.attempts,
           m.delivery_status AS "deliveryStatus", m.last_error AS "lastError", m.enqueued_at AS "enqueuedAt",
           m.moved_at AS "movedAt", f.name AS "movedFrom", m.removed_at AS "removedAt", u.name AS "removedBy",
           m.removed_reason AS "removedReason", m.recovered_at AS "recoveredAt", m.sent_at AS "sentAt",
           m.delivered_at AS "deliveredAt", m.read_at AS "readAt", m.failed_at AS "failedAt"
    FROM messages m
    LEFT JOIN stores s ON s.id = m.store_id
    LEFT JOIN users u ON u.id = m.removed_by
    LEFT JOIN instances f ON f.id = m.moved_from_instance_id
    WHERE m.id = ${messageId} AND m.account_id = ${actor.accountId}`;
  if (!m) throw notFound('Mensagem');
  const attempts = await sql<AttemptRow[]>`
    SELECT attempt, started_at AS "startedAt", finished_at AS "finishedAt", outcome, error, http_status AS "httpStatus"
    FROM message_attempts WHERE message_id = ${messageId} ORDER BY attempt`;
  const timeline: TimelineEntry[] = [{ kind: 'enqueued', at: m.enqueuedAt }];
  if (m.movedAt) timeline.push({ kind: 'moved', at: m.movedAt, from: m.movedFrom });
  if (m.removedAt) timeline.push({ kind: 'removed', at: m.removedAt, by: m.removedBy, reason: m.removedReason });
  if (m.recoveredAt) timeline.push({ kind: 'recovered', at: m.recoveredAt });
  for (const a of attempts) {
    timeline.push({ kind: 'attempt', at: a.startedAt, attempt: a.attempt, outcome: a.outcome, error: a.error, httpStatus: a.httpStatus, durationMs: a.finishedAt.getTime() - a.startedAt.getTime() });
  }
  for (const [kind, at] of [['sent', m.sentAt], ['delivered', m.deliveredAt], ['read', m.readAt], ['failed', m.failedAt]] as const) {
    if (at) timeline.push({ kind, at });
  }
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime());
  const { enqueuedAt: _e, movedAt: _m, movedFrom: _f, removedAt: _r, removedBy: _b, removedReason: _rr, recoveredAt: _rc, sentAt: _s, deliveredAt: _d, readAt: _rd, failedAt: _fa, ...detail } = m;
  return { ...detail, timeline };
}

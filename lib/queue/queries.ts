import 'server-only';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { getInstanceOrThrow } from '@/lib/instances/queries';
import { lastDays, nextReset } from './day-window';
import { estimatedFinishMs } from './pacing';
import { queueStatus, type QueueStatus } from './states';

const FIVE_MINUTES = 5 * 60_000;

export interface QueueOverview {
  intervalMs: number;
  queued: number;
  processing: number;
  enteredLast5m: number;
  sentLast5m: number;
  estimatedFinishMs: number;
  status: QueueStatus;
  sentToday: number;
  dailyLimit: number | null;
  nextReset: Date;
}

/**
 * "Visão geral da fila". The queue size is the kept counter; the two five-minute figures are
 * index range counts bounded by what happened in five minutes (sends are paced, so at most
 * 300 s / interval; arrivals use messages_queue_idx across states).
 */
export async function getQueueOverview(actor: Actor, instanceId: string): Promise<QueueOverview> {
  assertCan(actor, 'viewAccount');
  const instance = await getInstanceOrThrow(actor.accountId, instanceId);
  const at = now();
  const since = new Date(at.getTime() - FIVE_MINUTES);
  const [counts] = await getSql()<{ entered: number; sent: number }[]>`
    SELECT
      (SELECT count(*) FROM messages WHERE instance_id = ${instanceId}
         AND state IN ('queued', 'processing', 'sent', 'failed', 'removed') AND enqueued_at > ${since} AND enqueued_at <= ${at})::int AS entered,
      (SELECT count(*) FROM messages WHERE instance_id = ${instanceId} AND state = 'sent' AND sent_at > ${since} AND sent_at <= ${at})::int AS sent`;
  const processing = instance.inFlight ? 1 : 0;
  return {
    intervalMs: instance.sendIntervalMs,
    queued: instance.queuedCount,
    processing,
    enteredLast5m: counts!.entered,
    sentLast5m: counts!.sent,
    estimatedFinishMs: estimatedFinishMs(instance.sendIntervalMs, instance.queuedCount),
    status: queueStatus({ connected: instance.status === 'connected', paused: instance.paused, dailyLimit: instance.dailyLimit, sentToday: instance.sentToday, queued: instance.queuedCount, processing }),
    sentToday: instance.sentToday,
    dailyLimit: instance.dailyLimit,
    nextReset: nextReset(at, env().POMBO_DAILY_RESET_UTC_HOUR),
  };
}

/** "Total de mensagens enviadas nos últimos 7 dias": one bar per day, from the daily rollup. */
export async function getSentLast7Days(actor: Actor, instanceId: string): Promise<{ day: string; sent: number }[]> {
  assertCan(actor, 'viewAccount');
  await getInstanceOrThrow(actor.accountId, instanceId);
  const days = lastDays(now(), env().POMBO_DAILY_RESET_UTC_HOUR, 7);
  const rows = await getSql()<{ day: string; sent: number }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, sent FROM instance_daily_stats
    WHERE instance_id = ${instanceId} AND day >= ${days[0]!}::date AND day <= ${days[6]!}::date`;
  const byDay = new Map(rows.map((r) => [r.day, r.sent]));
  return days.map((day) => ({ day, sent: byDay.get(day) ?? 0 }));
}

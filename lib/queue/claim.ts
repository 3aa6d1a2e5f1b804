import { getSql } from '@/db/client';
import type { ProviderKind } from '@/lib/providers/types';
import { LEASE_MS } from './pacing';

export interface ClaimedMessage {
  id: string;
  attempt: number;
  recipient: string;
  body: string;
  claimedAt: Date;
  instanceId: string;
  phoneNumber: string;
  provider: ProviderKind;
  providerConfig: Record<string, unknown>;
  providerSecret: string | null;
}

/**
 * One set-based claim across every due instance (ARCHITECTURE §7). An instance is due when it is
 * connected, not paused, has nothing in flight, `next_send_at <= now`, is under its daily limit and
 * has a message available. Instances are locked FOR UPDATE SKIP LOCKED, so concurrent workers split
 * them; each gets its oldest available message (also SKIP LOCKED: a message a queue operation holds
 * is not sent). In the same statement the message becomes `processing` with a lease and the
 * instance records it as in flight and moves `next_send_at` one interval ahead: a race loses
 * cleanly because a second claimer re-checks the locked instance row and finds it busy.
 */
export async function claimDue(opts: { at: Date; day: string; workerId: string; limit: number; accountId?: string }): Promise<ClaimedMessage[]> {
  const { at, day, workerId, limit } = opts;
  const lease = new Date(at.getTime() + LEASE_MS);
  const sql = getSql();
  const scope = opts.accountId ? sql`AND i.account_id = ${opts.accountId}` : sql``;
  return sql<ClaimedMessage[]>`
    WITH due AS (
      SELECT i.id, i.send_interval_ms
      FROM instances i
      WHERE i.status = 'connected' AND NOT i.paused AND i.deleted_at IS NULL
        AND i.in_flight_message_id IS NULL AND i.next_send_at <= ${at}
        AND i.queued_count > 0 ${scope}
        AND EXISTS (SELECT 1 FROM messages m WHERE m.instance_id = i.id AND m.state = 'queued' AND m.available_at <= ${at})
        AND (i.daily_limit IS NULL OR i.daily_limit > coalesce(
          (SELECT d.sent FROM instance_daily_stats d WHERE d.instance_id = i.id AND d.day = ${day}), 0))
      ORDER BY i.next_send_at
      LIMIT ${limit}
      FOR UPDATE OF i SKIP LOCKED
    ),
    picked AS (
      SELECT d.id AS instance_id, d.send_interval_ms, m.id AS message_id
      FROM due d
      CROSS JOIN LATERAL (
        SELECT m.id FROM messages m
        WHERE m.instance_id = d.id AND m.state = 'queued' AND m.available_at <= ${at}
        ORDER BY m.enqueued_at, m.id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      ) m
    ),
    claimed AS (
      UPDATE messages m
      SET state = 'processing', attempts = m.attempts + 1, claimed_at = ${at}, lease_expires_at = ${lease}, claimed_by = ${workerId}
      FROM picked p
      WHERE m.id = p.message_id AND m.state = 'queued'
      RETURNING m.id, m.attempts, m.recipient, m.body, m.claimed_at, m.instance_id
    ),
    busy AS (
      UPDATE instances i
      SET in_flight_message_id = c.id, next_send_at = ${at}::timestamptz + make_interval(secs => i.send_interval_ms / 1000.0)
      FROM claimed c
      WHERE i.id = c.instance_id
      RETURNING i.id, i.phone_number, i.provider, i.provider_config, i.provider_secret
    )
    SELECT c.id, c.attempts AS attempt, c.recipient, c.body, c.claimed_at AS "claimedAt", c.instance_id AS "instanceId",
           b.phone_number AS "phoneNumber", b.provider, b.provider_config AS "providerConfig", b.provider_secret AS "providerSecret"
    FROM claimed c JOIN busy b ON b.id = c.instance_id`;
}

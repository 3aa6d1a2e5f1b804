import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { assertPlatformAdmin } from '@/lib/auth/permissions';
import { BOSS_SCHEMA } from '@/lib/jobs/boss';
import { liveWorkers } from '@/lib/system/heartbeat';

type Admin = { isPlatformAdmin: boolean };

export async function listAccountsForAdmin(admin: Admin) {
  assertPlatformAdmin(admin);
  return getDb().execute<{ id: string; name: string; createdAt: string; members: number }>(sql`
    SELECT a.id, a.name, a.created_at AS "createdAt", count(m.user_id)::int AS members
    FROM accounts a LEFT JOIN memberships m ON m.account_id = a.id
    GROUP BY a.id ORDER BY a.name`);
}

export type JobQueueCounts = {
  name: string;
  queued: number;
  active: number;
  failed: number;
  completed: number;
};

/** Job counts per pg-boss queue and state, read straight from pg-boss's tables in one query. */
export async function listJobQueues(admin: Admin): Promise<JobQueueCounts[]> {
  assertPlatformAdmin(admin);
  const installed = await getDb().execute<{ ok: boolean }>(sql`SELECT to_regclass(${`${BOSS_SCHEMA}.queue`}) IS NOT NULL AS ok`);
  if (!installed[0]?.ok) return [];
  return getDb().execute<JobQueueCounts>(sql.raw(`
    SELECT q.name,
      count(j.id) FILTER (WHERE j.state IN ('created', 'retry'))::int AS queued,
      count(j.id) FILTER (WHERE j.state = 'active')::int AS active,
      count(j.id) FILTER (WHERE j.state = 'failed')::int AS failed,
      count(j.id) FILTER (WHERE j.state = 'completed')::int AS completed
    FROM ${BOSS_SCHEMA}.queue q LEFT JOIN ${BOSS_SCHEMA}.job j ON j.name = q.name
    WHERE q.name NOT LIKE '\\_\\_%'
    GROUP BY q.name ORDER BY q.name`));
}

export async function listWorkersForAdmin(admin: Admin) {
  assertPlatformAdmin(admin);
  return liveWorkers();
}

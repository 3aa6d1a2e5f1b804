import 'server-only';
import { getSql } from '@/db/client';
import { assertPlatformAdmin } from '@/lib/auth/permissions';

export interface ArchiveRunRow {
  id: string;
  trigger: 'cron' | 'manual';
  state: 'running' | 'done' | 'failed';
  startedAt: Date;
  cutoff: Date;
  eventsMoved: number;
  messagesMoved: number;
  durationMs: number | null;
  error: string | null;
}

/** The latest archiving runs for /admin. */
export async function listArchiveRuns(admin: { isPlatformAdmin: boolean }, limit = 10): Promise<ArchiveRunRow[]> {
  assertPlatformAdmin(admin);
  return getSql()<ArchiveRunRow[]>`
    SELECT id, trigger, state, created_at AS "startedAt", cutoff, events_moved AS "eventsMoved", messages_moved AS "messagesMoved",
      duration_ms AS "durationMs", error
    FROM archive_runs ORDER BY created_at DESC, id DESC LIMIT ${limit}`;
}

import { PgBoss } from 'pg-boss';
import { requireDatabaseUrl } from '@/lib/env';
import { logger } from '@/lib/logger';

export const BOSS_SCHEMA = 'pgboss';

const holder = globalThis as unknown as { __pomboBoss?: Promise<PgBoss> };

/**
 * The process's one pg-boss instance. Worker processes run maintenance and cron; a web-only
 * process only sends jobs.
 */
export function getBoss(mode: 'worker' | 'client' = 'client'): Promise<PgBoss> {
  holder.__pomboBoss ??= (async () => {
    const boss = new PgBoss({
      connectionString: requireDatabaseUrl(),
      schema: BOSS_SCHEMA,
      application_name: `pombo-${mode}`,
      max: 6,
      supervise: mode === 'worker',
      schedule: mode === 'worker',
      useListenNotify: mode === 'worker',
    });
    boss.on('error', (err) => logger.error({ err }, 'pg-boss error'));
    await boss.start({ attempts: 5 });
    return boss;
  })();
  return holder.__pomboBoss;
}

export async function stopBoss(): Promise<void> {
  const pending = holder.__pomboBoss;
  holder.__pomboBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 10_000 });
}

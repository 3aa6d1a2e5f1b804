'use server';

import { publicAction } from '@/lib/auth/action';
import { assertPlatformAdmin } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';
import { getBoss } from '@/lib/jobs/boss';
import { ARCHIVE_JOB } from './job-name';

/** "Arquivar agora" on /admin: queues an archiving run (one at a time; the runs table shows it). */
export async function archiveNowAction() {
  return publicAction(async () => {
    assertPlatformAdmin((await getSessionUser()) ?? { isPlatformAdmin: false });
    const boss = await getBoss();
    await boss.send(ARCHIVE_JOB, { trigger: 'manual' });
  });
}

import { describe, expect, it } from 'vitest';
import { listAccountsForAdmin, listJobQueues, listWorkersForAdmin } from '@/lib/admin/queries';
import { createTenant } from '../../support/factories';

describe('platform admin queries', () => {
  it('are refused with not-found for anyone who is not a platform admin', async () => {
    const { actors } = await createTenant();
    for (const fn of [listAccountsForAdmin, listJobQueues, listWorkersForAdmin]) {
      await expect(fn(actors.owner)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    }
  });

  it('list every account with its member count', async () => {
    const { account } = await createTenant();
    const accounts = await listAccountsForAdmin({ isPlatformAdmin: true });
    expect(accounts.find((a) => a.id === account.id)).toMatchObject({ name: account.name, members: 4 });
  });
});

import { describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { countByStatus } from '@/lib/conversions/queries';
import { seedConversionsDemo } from '@/lib/demo/conversions';
import { createTenant } from '../../support/factories';

describe('conversions demo seeder', () => {
  it('gives "Automação #1" sandbox destinations and conversion events in every status, with attempts', async () => {
    const { account, actors } = await createTenant();
    await seedConversionsDemo({ accountId: account.id, partnerAccountId: account.id, userIdOf: () => actors.owner.userId });
    const counts = await countByStatus(actors.viewer, {});
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(0);
    const [store] = await getSql()<{ n: number }[]>`
      SELECT count(*)::int AS n FROM conversion_destinations d JOIN stores s ON s.id = d.store_id
      WHERE s.account_id = ${account.id} AND s.name = 'Automação #1' AND d.kind = 'sandbox'`;
    expect(store!.n).toBe(2);
    const [attempts] = await getSql()<{ n: number }[]>`
      SELECT count(*)::int AS n FROM conversion_attempts a JOIN conversion_events e ON e.id = a.event_id WHERE e.account_id = ${account.id}`;
    expect(attempts!.n).toBeGreaterThan(8);
  });
});

import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { DEMO_USERS } from '@/lib/demo/seed';

// The demo seed itself runs (and is checked) by `npm start` in the end-to-end suite, which signs
// in as every demo user; here we only pin the documented list.
describe('demo users', () => {
  it('are the five documented sign-ins, with one platform admin', () => {
    expect(DEMO_USERS.map((u) => u.email)).toEqual(['owner@demo.test', 'operator@demo.test', 'editor@demo.test', 'viewer@demo.test', 'admin@pombo.test']);
    expect(DEMO_USERS.filter((u) => u.role === 'admin')).toHaveLength(1);
  });

  it('are not present in the test database unless seeded', async () => {
    const rows = await getDb().select().from(users).where(inArray(users.email, DEMO_USERS.map((u) => u.email)));
    expect(rows).toHaveLength(0);
  });
});

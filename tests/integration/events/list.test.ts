import { describe, expect, it } from 'vitest';
import { acceptEvents } from '@/lib/events/ingest';
import { getEventDetail } from '@/lib/events/queries';
import { eventFiltersSchema, listEvents } from '@/lib/events/list';
import type { EventInput } from '@/lib/events/schemas';
import { makeApiStore, sampleEvent } from '@/tests/support/events-factories';
import { createTenant } from '@/tests/support/factories';

const f = (o: Record<string, string> = {}) => eventFiltersSchema.parse(o);

describe('events list', () => {
  it('pages by keyset, newest first, filters by status, type and store, and counts per status', async () => {
    const { account, actors } = await createTenant();
    const a = await makeApiStore(account.id, { name: 'A' });
    const b = await makeApiStore(account.id, { name: 'B' });
    await acceptEvents({ accountId: account.id, storeId: a.storeId }, Array.from({ length: 5 }, () => sampleEvent() as EventInput), 'batch');
    await acceptEvents({ accountId: account.id, storeId: b.storeId }, [sampleEvent({ type: 'cart_abandoned' }) as EventInput], 'batch');
    const first = await listEvents(actors.viewer, f(), 4);
    expect(first.rows).toHaveLength(4);
    // A worker in another test file may have processed them already: the total is what is fixed.
    expect(Object.values(first.counts).reduce((x, y) => x + y, 0)).toBe(6);
    expect(first.counts.sent).toBe(0);
    const second = await listEvents(actors.viewer, f({ after: first.next! }), 4);
    expect(second.rows).toHaveLength(2);
    expect(second.next).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(6);
    expect((await listEvents(actors.viewer, f({ type: 'cart_abandoned' }))).rows).toHaveLength(1);
    expect((await listEvents(actors.viewer, f({ store: a.storeId }))).rows).toHaveLength(5);
    expect((await listEvents(actors.viewer, f({ status: 'sent' }))).rows).toHaveLength(0);
    expect(f({ status: 'nonsense', period: 'x' })).toMatchObject({ status: undefined, period: '7d' });
  });

  it("never shows another tenant's events, in the list or the event page", async () => {
    const one = await createTenant();
    const two = await createTenant();
    const store = await makeApiStore(one.account.id);
    const [id] = await acceptEvents({ accountId: one.account.id, storeId: store.storeId }, [sampleEvent() as EventInput], 'rt');
    expect((await listEvents(two.actors.owner, f())).rows).toHaveLength(0);
    await expect(getEventDetail(two.actors.owner, id!)).rejects.toMatchObject({ status: 404 });
    expect((await getEventDetail(one.actors.viewer, id!)).id).toBe(id);
  });
});

import { describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { listSends } from '@/lib/sends/queries';
import { createTenant } from '../../support/factories';
import { createStoreWithInstances } from '../../support/sends-factories';

describe('Listar Configurações', () => {
  it('pages through every configuration once, also when many share a creation time to the microsecond', async () => {
    const { actors } = await createTenant();
    const { storeId } = await createStoreWithInstances(actors.owner.accountId);
    // One statement: all rows get the same now(), microseconds included (a JS Date cursor keeps milliseconds).
    await getSql()`
      INSERT INTO send_configs (account_id, store_id, name, body, schedule_kind, time_zone)
      SELECT ${actors.owner.accountId}, ${storeId}, 'Envio ' || g, 'Oi', 'now', 'America/Sao_Paulo' FROM generate_series(1, 40) g`;
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const { rows, nextCursor } = await listSends(actors.viewer, { cursor });
      seen.push(...rows.map((r) => r.id));
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });
});

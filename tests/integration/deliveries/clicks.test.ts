import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as redirect from '@/app/r/[token]/route';
import { getSql } from '@/db/client';
import type { Actor, Role } from '@/lib/auth/permissions';
import { decodeToken, encodeToken } from '@/lib/clicks/tokens';
import { fixedClock, useClock } from '@/lib/clock';
import { computeRunStats } from '@/lib/deliveries/stats';
import { stopBoss } from '@/lib/jobs/boss';
import { generatedRun } from '../../support/deliveries-factories';
import { serveRoutes } from '../../support/events-factories';
import { createTenant } from '../../support/factories';
import { T0, makeInstance, makeStore } from '../../support/queue-factories';

let server: Awaited<ReturnType<typeof serveRoutes>>;
let actors: Record<Role, Actor>;
let accountId: string;
let storeId: string;

beforeAll(async () => {
  process.env.POMBO_PUBLIC_URL = 'https://pombo.example';
  server = await serveRoutes({
    '/r/:id': { GET: (req, ctx) => redirect.GET(req, { params: ctx.params.then((p) => ({ token: p.id })) }) },
  });
  ({ actors } = await createTenant());
  accountId = actors.owner.accountId;
  storeId = await makeStore(accountId);
  await makeInstance(accountId, { storeIds: [storeId], config: { receiptDelayMs: 600_000 } });
});
afterAll(async () => {
  await server.close();
  await stopBoss();
});

describe('tracked links (/r/<token>)', () => {
  it('rewrites each URL at generation, redirects to the original (placeholders rendered) and counts one click per recipient and link', async () => {
    const restore = useClock(fixedClock(T0));
    try {
      const body = 'Oi {{nome}}! Veja https://loja.example/ofertas. Cupom: https://loja.example/c/{{cupom}} ou https://loja.example/ofertas';
      const { runId, ids } = await generatedRun(actors, storeId, 2, body);
      const bodies = await getSql()<{ body: string }[]>`SELECT body FROM messages WHERE id = ANY(${ids}::uuid[]) ORDER BY enqueued_at`;
      const tokensOf = (text: string) => [...text.matchAll(/https:\/\/pombo\.example\/r\/([A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
      const first = tokensOf(bodies[0]!.body);
      expect(bodies[0]!.body).toMatch(/^Oi Pessoa 0! Veja https:\/\/pombo\.example\/r\/\S+\. Cupom: /);
      expect(bodies[0]!.body).not.toContain('loja.example');
      expect(first).toHaveLength(3);
      expect(first[0]).toBe(first[2]); // the same link twice in one message is one link
      expect(tokensOf(bodies[1]!.body)[0]).not.toBe(first[0]); // each recipient has their own token
      const follow = (token: string) => fetch(`${server.url}/r/${token}`, { redirect: 'manual' });
      let res = await follow(first[0]!);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('https://loja.example/ofertas');
      res = await follow(first[1]!);
      expect(res.headers.get('location')).toBe('https://loja.example/c/C0');
      await follow(first[0]!); // a second click of the same recipient on the same link
      await follow(tokensOf(bodies[1]!.body)[1]!);
      const [{ n }] = await getSql()<{ n: number }[]>`SELECT count(*)::int AS n FROM link_clicks WHERE run_id = ${runId}`;
      expect(n).toBe(3);
      expect(await computeRunStats(runId)).toMatchObject({ clicked: 2 });
    } finally {
      restore();
    }
  });

  it('answers 404 to malformed, guessed or forged tokens', async () => {
    const [link] = await getSql()<{ id: string; secret: string }[]>`SELECT id, secret FROM send_links LIMIT 1`;
    const valid = encodeToken(link!.id, 1, link!.secret);
    expect(decodeToken(valid)).toMatchObject({ linkId: link!.id, position: 1 });
    const forged = encodeToken(link!.id, 2, 'ab'.repeat(32)); // right link, another recipient, wrong key
    for (const token of ['abc', 'x'.repeat(43), forged, encodeToken(crypto.randomUUID(), 1, link!.secret)]) {
      const res = await fetch(`${server.url}/r/${token}`, { redirect: 'manual' });
      expect(res.status).toBe(404);
    }
    expect((await fetch(`${server.url}/r/${valid}`, { redirect: 'manual' })).status).toBe(302);
  });
});

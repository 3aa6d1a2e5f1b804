import { randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import type { TransactionSql } from 'postgres';
import { deliveriesConfig } from '@/lib/deliveries/config';
import { extractUrls, replaceUrls } from './links';
import { MAC_BYTES } from './tokens';

type Fragment = postgres.Fragment;

/**
 * The hook send generation calls inside its batch transaction: registers the text's links for the
 * run (idempotent per URL) and returns the SQL expression of the personalised body with each URL
 * replaced by `<public url>/r/<token>`, the token computed set-based from the recipient's
 * `position` (the same bytes as tokens.ts's encodeToken). `render` turns a text into the
 * personalisation expression; URLs are swapped for markers first, so a {{placeholder}} inside a
 * URL is rendered at redirect time instead.
 */
export async function trackLinks(
  tx: TransactionSql,
  run: { runId: string; accountId: string },
  body: string,
  render: (text: string) => Fragment,
  position: Fragment,
): Promise<Fragment[]> {
  // A fragment is a thenable query: resolving an async function with it would run it, so the
  // expression travels in a one-element array (postgres.js interpolates fragment arrays).
  const urls = extractUrls(body);
  if (urls.length === 0) return [render(body)];
  const links = await tx<{ id: string; url: string; secret: string }[]>`
    INSERT INTO send_links (account_id, run_id, url, secret)
    SELECT ${run.accountId}, ${run.runId}, u.url, u.secret
    FROM unnest(${urls}::text[], ${urls.map(() => randomBytes(32).toString('hex'))}::text[]) AS u(url, secret)
    ON CONFLICT (run_id, url) DO UPDATE SET url = excluded.url
    RETURNING id, url, secret`;
  const byUrl = new Map(links.map((l) => [l.url, l]));
  const marker = (i: number) => `\u0001link${i}\u0001`;
  let expr = render(replaceUrls(body, (url) => marker(urls.indexOf(url))));
  const base = `${deliveriesConfig().publicUrl}/r/`;
  urls.forEach((url, i) => {
    const link = byUrl.get(url)!;
    const token = tx`rtrim(translate(encode(
      uuid_send(${link.id}::uuid) || int4send(${position})
        || substr(sha256(decode(${link.secret}, 'hex') || int4send(${position})), 1, ${MAC_BYTES}),
      'base64'), '+/', '-_'), '=')`;
    expr = tx`replace(${expr}, ${marker(i)}, ${base} || ${token})`;
  });
  return [expr];
}

import 'server-only';
import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { renderText } from '@/lib/sends/render';
import { safeTarget } from './links';
import { decodeToken, validMac } from './tokens';

/**
 * `/r/<token>`: the original URL (rendered for the recipient when it holds placeholders) and the
 * click recorded once per recipient and link; null for a token that is malformed, forged or whose
 * send no longer exists.
 */
export async function followLink(token: string): Promise<string | null> {
  const decoded = decodeToken(token);
  if (!decoded || decoded.position < 1) return null;
  const sql = getSql();
  const [link] = await sql<{ url: string; secret: string; runId: string; configId: string }[]>`
    SELECT l.url, l.secret, l.run_id AS "runId", r.config_id AS "configId"
    FROM send_links l JOIN send_runs r ON r.id = l.run_id WHERE l.id = ${decoded.linkId}`;
  if (!link || !validMac(decoded, link.secret)) return null;
  await sql`
    INSERT INTO link_clicks (link_id, position, run_id, clicked_at)
    VALUES (${decoded.linkId}, ${decoded.position}, ${link.runId}, ${now()})
    ON CONFLICT (link_id, position) DO NOTHING`;
  if (!link.url.includes('{{')) return safeTarget(link.url);
  const [recipient] = await sql<{ phone: string; name: string | null; vars: Record<string, string> | null }[]>`
    SELECT phone, name, vars FROM send_recipients WHERE config_id = ${link.configId} AND position = ${decoded.position}`;
  return safeTarget(recipient ? renderText(link.url, recipient) : link.url);
}

import { followLink } from '@/lib/clicks/service';

export const dynamic = 'force-dynamic';

/** A tracked link from a send: records the recipient's click, then redirects to the original URL. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const target = await followLink((await params).token);
  if (!target) {
    return new Response('Link inválido ou expirado.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  return new Response(null, { status: 302, headers: { location: target, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
}

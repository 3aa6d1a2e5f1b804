import { apiRoute, json, parseJsonBody, readRawBody } from '@/lib/api/respond';
import { applyStatusWebhook, assertSigned, SIGNATURE_HEADER, verifyHandshake, webhookSchema } from '@/lib/deliveries/whatsapp-webhook';

export const dynamic = 'force-dynamic';

/** Meta's verification handshake: echoes hub.challenge when hub.verify_token matches POMBO_WHATSAPP_VERIFY_TOKEN. */
export async function GET(request: Request): Promise<Response> {
  const challenge = verifyHandshake(new URL(request.url).searchParams);
  if (challenge === null) return json({ error: { code: 'FORBIDDEN', message: 'Token de verificação inválido.' } }, 403);
  return new Response(challenge, { status: 200, headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
}

/** Status webhooks: signature first (over the raw body), then the schema, then the receipts. */
export const POST = apiRoute(async (request: Request) => {
  const raw = await readRawBody(request);
  assertSigned(request.headers.get(SIGNATURE_HEADER), raw);
  const result = await applyStatusWebhook(webhookSchema.parse(parseJsonBody(raw)));
  return json({ received: true, ...result });
});

import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { getSql } from '@/db/client';
import { AppError } from '@/lib/errors';
import { applyReceipts, type Receipt } from '@/lib/queue/receipts';
import { deliveriesConfig } from './config';

/**
 * WhatsApp Cloud API status webhooks (`POST /api/webhooks/whatsapp`): Meta signs the raw body with
 * the app secret (`X-Hub-Signature-256: sha256=<hex HMAC>`), and each status names the message by
 * its provider id (wamid…) and, for messages Pombo sent, by our id in `biz_opaque_callback_data`.
 */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

export function hubSignature(appSecret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function validHubSignature(header: string | null, appSecret: string, rawBody: string): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  return timingSafeEqual(Buffer.from(header.toLowerCase()), Buffer.from(hubSignature(appSecret, rawBody)));
}

/** GET verification: the challenge when the mode and token match, null otherwise. */
export function verifyHandshake(params: URLSearchParams): string | null {
  const token = deliveriesConfig().whatsappVerifyToken;
  const challenge = params.get('hub.challenge');
  if (!token || params.get('hub.mode') !== 'subscribe' || !challenge) return null;
  const given = Buffer.from(params.get('hub.verify_token') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? challenge : null;
}

const statusSchema = z.object({
  id: z.string().min(1).max(200),
  status: z.enum(['sent', 'delivered', 'read', 'failed', 'deleted', 'warning']),
  timestamp: z.string().regex(/^\d{1,12}$/, 'Unix time in seconds'),
  recipient_id: z.string().optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
  errors: z.array(z.object({ code: z.number().optional(), title: z.string().optional() }).passthrough()).optional(),
});

export const webhookSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.object({
        id: z.string().optional(),
        changes: z.array(
          z.object({
            field: z.string(),
            value: z.object({ statuses: z.array(statusSchema).max(10_000).optional() }).passthrough(),
          }),
        ),
      }),
    )
    .max(1_000),
});
export type WhatsappWebhook = z.infer<typeof webhookSchema>;

export function assertSigned(header: string | null, rawBody: string): void {
  const secret = deliveriesConfig().whatsappAppSecret;
  if (!secret) throw new AppError('NOT_CONFIGURED', { status: 503, message: 'POMBO_WHATSAPP_APP_SECRET não está configurado.' });
  if (!validHubSignature(header, secret, rawBody)) throw new AppError('UNAUTHENTICATED', { message: 'Assinatura X-Hub-Signature-256 inválida.' });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Applies the delivered/read/failed statuses to our messages (one lookup, one update). Statuses
 * for ids we do not know are ignored; "sent" adds nothing (we know it already). Returns counts.
 */
export async function applyStatusWebhook(body: WhatsappWebhook): Promise<{ statuses: number; matched: number; applied: number }> {
  const statuses = body.entry.flatMap((e) => e.changes.flatMap((c) => c.value.statuses ?? []));
  const relevant = statuses.filter((s): s is typeof s & { status: Receipt['status'] } => ['delivered', 'read', 'failed'].includes(s.status));
  if (relevant.length === 0) return { statuses: statuses.length, matched: 0, applied: 0 };
  const ours = [...new Set(relevant.map((s) => s.biz_opaque_callback_data).filter((v): v is string => !!v && UUID.test(v)))];
  const rows = await getSql()<{ id: string; providerMessageId: string | null }[]>`
    SELECT id, provider_message_id AS "providerMessageId" FROM messages
    WHERE provider_message_id = ANY(${[...new Set(relevant.map((s) => s.id))]}::text[]) OR id = ANY(${ours}::uuid[])`;
  const byProviderId = new Map(rows.filter((r) => r.providerMessageId).map((r) => [r.providerMessageId!, r.id]));
  const byOwnId = new Set(rows.map((r) => r.id));
  const receipts: Receipt[] = [];
  for (const s of relevant) {
    const own = s.biz_opaque_callback_data && byOwnId.has(s.biz_opaque_callback_data) ? s.biz_opaque_callback_data : undefined;
    const messageId = byProviderId.get(s.id) ?? own;
    if (messageId) receipts.push({ messageId, status: s.status, at: new Date(Number(s.timestamp) * 1000) });
  }
  return { statuses: statuses.length, matched: receipts.length, applied: await applyReceipts(receipts) };
}

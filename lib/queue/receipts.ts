import { getSql } from '@/db/client';

export interface Receipt {
  messageId: string;
  status: 'delivered' | 'read' | 'failed';
  at: Date;
}

/**
 * Applies provider receipts (sandbox timers, WhatsApp status webhooks) in one statement. Several
 * receipts for one message merge; a later "delivered" never downgrades "read". Only sent messages
 * change. Returns how many messages changed.
 */
export async function applyReceipts(receipts: Receipt[]): Promise<number> {
  const merged = new Map<string, { delivered: Date | null; read: Date | null; failed: boolean }>();
  for (const r of receipts) {
    const m = merged.get(r.messageId) ?? { delivered: null, read: null, failed: false };
    if (r.status === 'failed') m.failed = true;
    else {
      m.delivered = m.delivered && m.delivered < r.at ? m.delivered : r.at;
      if (r.status === 'read') m.read = m.read && m.read < r.at ? m.read : r.at;
    }
    merged.set(r.messageId, m);
  }
  if (merged.size === 0) return 0;
  const ids = [...merged.keys()];
  const rows = [...merged.values()];
  const result = await getSql()`
    UPDATE messages m SET
      delivery_status = (CASE
        WHEN r.failed THEN 'failed'
        WHEN r.read_at IS NOT NULL OR m.read_at IS NOT NULL THEN 'read'
        ELSE 'delivered' END)::delivery_status,
      delivered_at = CASE WHEN r.failed THEN m.delivered_at ELSE coalesce(least(m.delivered_at, r.delivered_at), r.delivered_at) END,
      read_at = coalesce(m.read_at, r.read_at)
    FROM unnest(
      ${ids}::uuid[],
      ${rows.map((r) => r.delivered?.toISOString() ?? null)}::timestamptz[],
      ${rows.map((r) => r.read?.toISOString() ?? null)}::timestamptz[],
      ${rows.map((r) => String(r.failed))}::text[]::boolean[] -- postgres.js sends a JS boolean[] as one boolean
    ) AS r(id, delivered_at, read_at, failed)
    WHERE m.id = r.id AND m.state = 'sent'`;
  return result.count;
}

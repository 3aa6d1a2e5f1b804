import { getSql } from '@/db/client';
import { newCredentials, saveCredentials } from '@/lib/api/credentials';
import { now } from '@/lib/clock';
import { bodyHash } from '@/lib/events/hash';
import { acceptEvents } from '@/lib/events/ingest';
import type { EventInput, EventStatus } from '@/lib/events/schemas';
import type { DemoContext } from './seed';

/** Documented demo-only credentials (README); never used outside demo data. */
export const DEMO_API_KEY = 'pombo_demo_key';
export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret';
const DEMO_STORE = 'Automação #1';

const TEMPLATES: [string, string, string][] = [
  ['order_created', 'Pedido recebido', 'Olá {{contact.name}}! Recebemos seu pedido {{data.order.id}} na {{store.name}}. Total: {{data.order.total}}.'],
  ['order_paid', 'Pagamento aprovado', 'Oba, {{contact.name}}! O pagamento do pedido {{data.order.id}} foi aprovado.'],
  ['order_shipped', 'Pedido enviado', '{{contact.name}}, seu pedido {{data.order.id}} saiu para entrega. Rastreio: {{data.order.tracking}}.'],
  ['cart_abandoned', 'Carrinho abandonado', 'Oi {{contact.name}}, você esqueceu itens no carrinho da {{store.name}}. Finalize aqui: {{data.cart.url}}'],
];

const NAMES = ['Ana Souza', 'Bruno Lima', 'Carla Dias', 'Diego Alves', 'Eduarda Reis', 'Felipe Rocha', 'Gabriela Nunes', 'Heitor Costa'];
const TYPES = ['order_created', 'order_paid', 'order_shipped', 'cart_abandoned'];

function sample(i: number, type: string, phone?: string): EventInput {
  return {
    externalId: `demo-${type}-${1000 + i}`,
    type,
    occurredAt: new Date(now().getTime() - i * 60_000).toISOString(),
    contact: { phone: phone ?? `+55119${String(87650000 + i * 37).padStart(8, '0')}`, name: NAMES[i % NAMES.length] },
    data: { order: { id: String(1000 + i), total: `R$ ${(89.9 + i * 7).toFixed(2).replace('.', ',')}`, tracking: `BR${100000 + i}` }, cart: { url: 'https://loja.example/carrinho' } },
  };
}

/**
 * "Automação #1" gets the demo credentials; the account gets templates for the common events;
 * both stores get a week of finished events (in every final status) and a few fresh ones that the
 * workers process on start (Entrega pendente, then Enviado as the sandbox sends them).
 */
export async function seedEventsDemo(ctx: DemoContext): Promise<void> {
  const sql = getSql();
  const stores = await sql<{ id: string; name: string }[]>`SELECT id, name FROM stores WHERE account_id = ${ctx.accountId} ORDER BY name`;
  for (const s of stores) {
    const creds = s.name === DEMO_STORE ? { apiKey: DEMO_API_KEY, webhookSecret: DEMO_WEBHOOK_SECRET } : newCredentials();
    await saveCredentials(ctx.accountId, s.id, creds);
  }
  for (const [type, name, body] of TEMPLATES) {
    await sql`INSERT INTO templates (account_id, event_type, name, body) VALUES (${ctx.accountId}, ${type}, ${name}, ${body})`;
  }
  const history: { status: EventStatus; reason: string | null }[] = [
    ...Array.from({ length: 24 }, () => ({ status: 'sent' as const, reason: null })),
    ...Array.from({ length: 4 }, () => ({ status: 'failed' as const, reason: 'Número não tem WhatsApp.' })),
    ...Array.from({ length: 3 }, () => ({ status: 'ignored' as const, reason: 'Mensagem removida da fila: Limpar fila' })),
    ...Array.from({ length: 3 }, () => ({ status: 'not_considered' as const, reason: 'Nenhum modelo ativo para este tipo de evento.' })),
  ];
  const at = now().getTime();
  const rows = stores.flatMap((s, si) =>
    history.map((h, i) => {
      const e = sample(100 + si * 100 + i, h.status === 'not_considered' ? 'review_requested' : TYPES[i % TYPES.length]!);
      const received = new Date(at - ((i * 4 + si) % 144) * 3600_000 - 3600_000);
      return {
        account_id: ctx.accountId,
        store_id: s.id,
        external_id: e.externalId,
        type: e.type,
        channel: i % 3 === 0 ? 'batch' : 'rt',
        occurred_at: received,
        received_at: received,
        contact_phone: e.contact.phone,
        contact_name: e.contact.name ?? null,
        data: JSON.stringify(e.data),
        body_hash: bodyHash(e),
        status: h.status,
        status_reason: h.reason,
        processed_at: new Date(received.getTime() + 400),
        finished_at: new Date(received.getTime() + 60_000),
      };
    }),
  );
  if (rows.length) await sql`INSERT INTO events ${sql(rows)}`;
  const store = stores.find((s) => s.name === DEMO_STORE);
  if (store) {
    const fresh = [...TYPES.map((type, i) => sample(i, type)), sample(9, 'order_paid', '12345'), sample(10, 'review_requested')];
    await acceptEvents({ accountId: ctx.accountId, storeId: store.id }, fresh, 'rt', { kick: false });
  }
}

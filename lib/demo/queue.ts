import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { enqueueMessages, type NewMessage } from '@/lib/queue/enqueue';
import { lastDays } from '@/lib/queue/day-window';
import type { DemoContext } from './seed';

const FIRST_NAMES = ['Ana', 'Bruno', 'Carla', 'Diego', 'Eduarda', 'Felipe', 'Gabriela', 'Henrique', 'Isabela', 'João', 'Larissa', 'Marcos', 'Natália', 'Otávio', 'Paula', 'Rafael', 'Sofia', 'Thiago', 'Vanessa', 'Yasmin'];
const LAST_NAMES = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Carvalho', 'Ribeiro'];
const AREA_CODES = ['11', '21', '31', '41', '48', '51', '61', '71', '81', '85'];
const PRODUCTS: Record<string, string[]> = {
  'Automação #1': ['Kit Sensor de Presença', 'Tomada Inteligente Wi-Fi', 'Lâmpada RGB Smart', 'Fechadura Digital', 'Hub Zigbee'],
  'Moda Praia': ['Biquíni Cortininha Coral', 'Maiô Frente Única', 'Saída de Praia Crochê', 'Sunga Boxer Azul', 'Chapéu de Palha'],
};

/** The demo's event types, each with the text its store's template would render. */
const EVENTS: { type: string; label: string; text: (v: { name: string; order: string; product: string; total: string; store: string }) => string }[] = [
  { type: 'order.created', label: 'Pedido criado', text: (v) => `Olá, ${v.name}! Recebemos o seu pedido #${v.order} na ${v.store} (${v.product}, total ${v.total}). Avisaremos assim que o pagamento for aprovado.` },
  { type: 'order.paid', label: 'Pedido pago', text: (v) => `${v.name}, o pagamento do pedido #${v.order} foi aprovado! 🎉 Já estamos separando o seu ${v.product}.` },
  { type: 'order.shipped', label: 'Pedido enviado', text: (v) => `Boa notícia, ${v.name}: o pedido #${v.order} saiu para entrega. Acompanhe pelo código BR${v.order}SP.` },
  { type: 'cart.abandoned', label: 'Carrinho abandonado', text: (v) => `Oi, ${v.name}! Você deixou ${v.product} no carrinho da ${v.store}. Finalize a compra hoje com frete grátis: https://loja.exemplo/carrinho` },
];

/** A small deterministic generator, so every fresh demo looks the same. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

interface DemoInstance {
  name: string;
  phone: string;
  intervalMs: number;
  stores: string[];
  queued: number;
  sentPerDay: number;
}

const INSTANCES: DemoInstance[] = [
  { name: 'Atendimento Principal', phone: '5511987650001', intervalMs: 2_000, stores: ['Automação #1', 'Moda Praia'], queued: 160, sentPerDay: 1_400 },
  { name: 'Vendas Moda Praia', phone: '5548991230002', intervalMs: 3_000, stores: ['Moda Praia'], queued: 110, sentPerDay: 900 },
  { name: 'Recuperação de Carrinho', phone: '5521976540003', intervalMs: 5_000, stores: ['Automação #1'], queued: 80, sentPerDay: 450 },
];

/**
 * Stores "Automação #1" and "Moda Praia", three connected sandbox instances (receipts on) serving
 * them, a few hundred event messages waiting (they drain visibly after `npm start`), a week of
 * sent history for the chart, and a dozen messages removed 20 minutes ago ("Recuperar mensagens").
 */
export async function seedQueueDemo(ctx: DemoContext): Promise<void> {
  const sql = getSql();
  const at = now();
  const random = rng(20_231_130);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

  const storeRows = await sql<{ id: string; name: string }[]>`
    INSERT INTO stores (account_id, name, created_at)
    VALUES (${ctx.accountId}, 'Automação #1', ${at}), (${ctx.accountId}, 'Moda Praia', ${at})
    RETURNING id, name`;
  const storeId = (name: string) => storeRows.find((s) => s.name === name)!.id;
  const config = JSON.stringify({ latencyMs: 400, failureRate: 0.03, transientShare: 0.7, receiptDelayMs: 2_000, readRate: 0.6 });
  const days = lastDays(at, env().POMBO_DAILY_RESET_UTC_HOUR, 7);

  for (const [index, demo] of INSTANCES.entries()) {
    const [instance] = await sql<{ id: string }[]>`
      INSERT INTO instances (account_id, name, phone_number, provider, provider_config, send_interval_ms, status, created_at)
      VALUES (${ctx.accountId}, ${demo.name}, ${demo.phone}, 'sandbox', ${config}::jsonb, ${demo.intervalMs}, 'connected', ${at})
      RETURNING id`;
    const instanceId = instance!.id;
    await sql`INSERT INTO instance_stores (instance_id, store_id) SELECT ${instanceId}, unnest(${demo.stores.map(storeId)}::uuid[])`;

    // A week of history: busier on some days than others; today so far is a fraction.
    const history = days.map((day, i) => ({
      instance_id: instanceId,
      day,
      sent: i === days.length - 1 ? Math.round(demo.sentPerDay * 0.3) : Math.round(demo.sentPerDay * (0.6 + random() * 0.6)),
      failed: Math.round(demo.sentPerDay * 0.02 * random()),
    }));
    await sql`INSERT INTO instance_daily_stats ${sql(history)} ON CONFLICT (instance_id, day) DO NOTHING`;

    // Messages entered over the last half hour, oldest first, in small bursts as events arrive.
    const total = demo.queued + (index === 0 ? 12 : 0);
    const messages: { message: NewMessage; at: Date }[] = [];
    for (let i = 0; i < total; i++) {
      const store = pick(demo.stores);
      const event = pick(EVENTS);
      const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
      const phone = `55${pick(AREA_CODES)}9${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
      const order = String(10_000 + Math.floor(random() * 89_999));
      const product = pick(PRODUCTS[store]!);
      const price = (49 + random() * 900).toFixed(2);
      const enqueuedAt = new Date(at.getTime() - 30 * 60_000 + Math.floor((i / total) * 29 * 60_000));
      const occurredAt = new Date(enqueuedAt.getTime() - 1_500);
      messages.push({
        at: enqueuedAt,
        message: {
          accountId: ctx.accountId,
          instanceId,
          storeId: storeId(store),
          recipient: phone,
          body: event.text({ name: name.split(' ')[0]!, order, product, total: `R$ ${price.replace('.', ',')}`, store }),
          sourceKind: 'event',
          sourceLabel: `${event.label} (${event.type})`,
          payload: {
            externalId: `${event.type}-${order}`,
            type: event.type,
            occurredAt: occurredAt.toISOString(),
            contact: { phone, name },
            data: { order: { id: order, total: Number(price), currency: 'BRL', items: [{ name: product, quantity: 1 }] }, store },
          },
        },
      });
    }
    for (const { message, at: enqueuedAt } of messages) await enqueueMessages([message], { at: enqueuedAt });

    if (index === 0) {
      // The dozen oldest were removed by the owner 20 minutes ago: "Recuperar mensagens" brings them back.
      await sql`
        UPDATE messages SET state = 'removed', removed_at = ${new Date(at.getTime() - 20 * 60_000)}, removed_by = ${ctx.userIdOf('owner@demo.test')}, removed_reason = 'manual'
        WHERE id IN (SELECT id FROM messages WHERE instance_id = ${instanceId} AND state = 'queued' ORDER BY enqueued_at, id LIMIT 12)`;
    }
  }
}

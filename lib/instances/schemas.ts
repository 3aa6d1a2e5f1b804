import { z } from 'zod';

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const decimal = (v: unknown) => (typeof v === 'string' ? v.trim().replace(',', '.') : v);
const checkbox = (v: unknown) => v === true || v === 'on' || v === 'true';

/** Phone numbers are kept as digits with country and area code (E.164 without "+"). */
export const phoneSchema = z
  .string({ error: 'Informe o número.' })
  .transform((v) => v.replace(/\D/g, ''))
  .pipe(z.string().regex(/^\d{10,15}$/, { error: 'Informe o número com DDI e DDD, só dígitos: 5511999990000.' }));

const common = z.object({
  name: z.string().trim().min(2, { error: 'Dê um nome com pelo menos 2 letras.' }).max(80, { error: 'Use no máximo 80 caracteres.' }),
  phoneNumber: phoneSchema,
  intervalSeconds: z.preprocess(
    decimal,
    z.coerce
      .number({ error: 'Informe o intervalo em segundos.' })
      .min(0.1, { error: 'O intervalo mínimo é 0,1 segundo.' })
      .max(86_400, { error: 'O intervalo máximo é 1 dia (86400 s).' }),
  ),
  dailyLimit: z.preprocess(emptyToNull, z.coerce.number().int({ error: 'Use um número inteiro.' }).min(1, { error: 'O limite precisa ser pelo menos 1.' }).max(10_000_000).nullable()),
  storeIds: z.array(z.uuid()).default([]),
  /** Blank keeps the stored secret. */
  secret: z.string().trim().max(4000).optional().transform((v) => (v ? v : undefined)),
});

export const instanceInputSchema = z.discriminatedUnion('provider', [
  common.extend({
    provider: z.literal('sandbox'),
    latencyMs: z.preprocess(emptyToNull, z.coerce.number().int().min(0).max(30_000).nullable()).transform((v) => v ?? 0),
    failureRatePercent: z.preprocess(decimal, z.preprocess(emptyToNull, z.coerce.number().min(0, { error: 'Entre 0 e 100.' }).max(100, { error: 'Entre 0 e 100.' }).nullable())).transform((v) => v ?? 0),
    receipts: z.preprocess(checkbox, z.boolean()),
  }),
  common.extend({
    provider: z.literal('whatsapp_cloud'),
    baseUrl: z.preprocess(emptyToNull, z.url({ protocol: /^https?$/, error: 'Informe uma URL http(s) válida.' }).nullable()),
    phoneNumberId: z.string().trim().regex(/^\d{5,30}$/, { error: 'Informe o ID do número (somente dígitos).' }),
  }),
  common.extend({
    provider: z.literal('http'),
    url: z.url({ protocol: /^https?$/, error: 'Informe uma URL http(s) válida.' }),
  }),
], { error: 'Escolha um provedor.' });

export type InstanceInput = z.output<typeof instanceInputSchema>;

export const instanceIdSchema = z.object({ instanceId: z.uuid() });
export const pauseSchema = instanceIdSchema.extend({ paused: z.boolean() });
export const testMessageSchema = instanceIdSchema.extend({
  to: phoneSchema,
  text: z.string().trim().min(1, { error: 'Escreva a mensagem.' }).max(4096, { error: 'Use no máximo 4096 caracteres.' }),
});

/** FormData → the object the schema reads (stores come as repeated checkboxes). */
export function instanceFormToInput(form: FormData): Record<string, unknown> {
  const entries = Object.fromEntries([...form.entries()].filter(([k]) => k !== 'storeIds'));
  return { ...entries, storeIds: form.getAll('storeIds') };
}

import { z } from 'zod';
import { CONVERSION_STATUSES } from './states';

export const MAX_BATCH = 1000;
export const DESTINATION_KINDS = ['meta', 'http', 'sandbox'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** One conversion event as a store (or ad tool) posts it to /api/v1/conversions. */
export const conversionInputSchema = z
  .object({
    externalId: z.string().trim().min(1).max(200),
    /** Sent as event_id for deduplication with the browser pixel; the externalId when absent. */
    eventId: z.string().trim().min(1).max(200).optional(),
    eventName: z.string().trim().min(1).max(100),
    eventTime: z.union([z.iso.datetime({ offset: true }), z.number().int().positive()]).transform((v) => (typeof v === 'number' ? new Date(v * 1000) : new Date(v))),
    actionSource: z.enum(['website', 'app', 'phone_call', 'chat', 'email', 'physical_store', 'system_generated', 'other']).default('website'),
    eventSourceUrl: z.url().max(2000).optional(),
    user: z
      .object({
        /** Plain (normalised and hashed by us) or already a SHA-256 hex digest. */
        email: z.union([z.string().regex(/^[0-9a-f]{64}$/), z.string().trim().max(320).pipe(z.email({ error: 'E-mail inválido.' }))]).optional(),
        phone: z.string().trim().max(40).optional(),
        externalId: z.string().trim().max(200).optional(),
        clientIpAddress: z.string().trim().max(100).optional(),
        clientUserAgent: z.string().trim().max(1000).optional(),
        fbc: z.string().trim().max(500).optional(),
        fbp: z.string().trim().max(500).optional(),
      })
      .refine((u) => Object.values(u).some(Boolean), { error: 'Informe ao menos um dado do cliente (email, phone, externalId…).' }),
    customData: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .meta({ id: 'Conversion' });
export type ConversionInput = z.output<typeof conversionInputSchema>;

/** A single event or an array of up to 1,000. */
export const conversionBodySchema = z
  .union([conversionInputSchema, z.array(conversionInputSchema).min(1).max(MAX_BATCH, { error: `No máximo ${MAX_BATCH} eventos por requisição.` })])
  .meta({ id: 'ConversionBody' });

/** The 202 answer: how many rows were created (0 for a replay) and every row, one per destination. */
export const acceptedConversionsSchema = z
  .object({
    created: z.number().int(),
    conversions: z.array(z.object({ id: z.uuid(), externalId: z.string(), destinationId: z.uuid(), status: z.enum(CONVERSION_STATUSES) })),
  })
  .meta({ id: 'AcceptedConversions' });

export const metaConfigSchema = z.object({
  pixelId: z.string().trim().regex(/^\d{5,20}$/, { error: 'O ID do pixel tem só números.' }),
  testEventCode: optionalText(100),
  graphBaseUrl: z.url().default('https://graph.facebook.com'),
  graphVersion: z.string().trim().regex(/^v\d+\.\d+$/, { error: 'Use o formato v21.0.' }).default('v21.0'),
});
export const httpConfigSchema = z.object({ url: z.url({ error: 'Informe uma URL http(s) válida.' }) });
export const sandboxConfigSchema = z.object({ mode: z.enum(['success', 'transient', 'permanent']).default('success') });

const mappingLine = /^\s*([\w.:-]+)\s*(?:=|→|->)\s*([\w]+)\s*$/;
/** "order.paid = Purchase", one per line, in the form; a list on the destination. */
export const mappingsSchema = z
  .string()
  .default('')
  .transform((text, ctx) => {
    const out: { storeEventType: string; eventName: string }[] = [];
    for (const line of text.split('\n').filter((l) => l.trim())) {
      const m = mappingLine.exec(line);
      if (!m) {
        ctx.addIssue({ code: 'custom', message: `Linha inválida: "${line.trim()}". Use tipo.do.evento = NomeDaConversão.` });
        return z.NEVER;
      }
      out.push({ storeEventType: m[1]!, eventName: m[2]! });
    }
    return out;
  });

const common = { storeId: z.uuid(), name: z.string().trim().min(2, { error: 'Dê um nome com pelo menos 2 letras.' }).max(80), mappings: mappingsSchema };
const secretField = z.string().trim().max(1000).optional();

/** The "Destinos de conversão" form. On edit, a blank secret keeps the stored one. */
export const destinationFormSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meta'), ...common, ...metaConfigSchema.shape, secret: secretField }),
  z.object({ kind: z.literal('http'), ...common, ...httpConfigSchema.shape, secret: secretField }),
  z.object({ kind: z.literal('sandbox'), ...common, ...sandboxConfigSchema.shape }),
]);
export type DestinationForm = z.output<typeof destinationFormSchema>;
export const updateDestinationSchema = z.intersection(destinationFormSchema, z.object({ destinationId: z.uuid() }));

export const destinationIdSchema = z.object({ destinationId: z.uuid() });
export const resendSchema = z.object({ ids: z.array(z.uuid()).min(1).max(MAX_BATCH) });

/** The page's filters, from the URL. */
export const listFiltersSchema = z.object({
  status: z.enum(CONVERSION_STATUSES).optional().catch(undefined),
  destinationId: z.uuid().optional().catch(undefined),
  storeId: z.uuid().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  cursor: z.string().optional().catch(undefined),
});
export type ListFilters = z.output<typeof listFiltersSchema>;

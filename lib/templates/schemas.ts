import { z } from 'zod';
import { parseTemplate } from './render';

export const EVENT_TYPE_PATTERN = /^[A-Za-z0-9_.:-]+$/;

/** The body must parse: syntax errors and unknown variables come back with line and column. */
export const templateBodySchema = z
  .string()
  .trim()
  .min(1, { error: 'Escreva o texto da mensagem.' })
  .max(4096, { error: 'Use no máximo 4.096 caracteres.' })
  .superRefine((body, ctx) => {
    const parsed = parseTemplate(body);
    if (!parsed.ok) {
      const { line, column, message } = parsed.error;
      ctx.addIssue({ code: 'custom', message: `Linha ${line}, coluna ${column}: ${message}` });
    }
  });

export const templateInputSchema = z.object({
  name: z.string().trim().min(2, { error: 'Dê um nome com pelo menos 2 letras.' }).max(80, { error: 'Use no máximo 80 caracteres.' }),
  storeId: z.union([z.uuid(), z.literal('').transform(() => null), z.null()]).default(null),
  eventType: z
    .string()
    .trim()
    .min(1, { error: 'Informe o tipo de evento.' })
    .max(100)
    .regex(EVENT_TYPE_PATTERN, { error: 'Use letras, números, "_", ".", ":" ou "-" (por exemplo order_paid).' }),
  body: templateBodySchema,
  active: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});
export type TemplateInput = z.output<typeof templateInputSchema>;

export const templateUpdateSchema = templateInputSchema.extend({ templateId: z.uuid() });
export const templateIdSchema = z.object({ templateId: z.uuid() });

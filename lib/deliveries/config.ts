import { z } from 'zod';

/**
 * Settings of this feature, read from the environment at call time (documented in the README):
 * the public base URL tracked links point at, and the WhatsApp Cloud API webhook's app secret
 * and verify token.
 */
const schema = z.object({
  POMBO_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  POMBO_WHATSAPP_APP_SECRET: z.string().min(1).optional(),
  POMBO_WHATSAPP_VERIFY_TOKEN: z.string().min(1).optional(),
});

export function deliveriesConfig() {
  const e = schema.parse(process.env);
  return {
    publicUrl: (e.POMBO_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    whatsappAppSecret: e.POMBO_WHATSAPP_APP_SECRET ?? null,
    whatsappVerifyToken: e.POMBO_WHATSAPP_VERIFY_TOKEN ?? null,
  };
}

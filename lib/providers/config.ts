import { z } from 'zod';
import type { ProviderKind } from './types';

/** Non-secret settings per provider, stored in instances.provider_config. */
export const sandboxConfigSchema = z.object({
  /** Simulated provider latency per send. */
  latencyMs: z.coerce.number().int().min(0).max(30_000).default(0),
  /** Share of sends that fail (0–1), decided deterministically per message and attempt. */
  failureRate: z.coerce.number().min(0).max(1).default(0),
  /** Of those failures, the share that is transient (the rest are permanent). */
  transientShare: z.coerce.number().min(0).max(1).default(0.7),
  /** Delivery receipt after this delay; null = no receipts. */
  receiptDelayMs: z.coerce.number().int().min(0).max(600_000).nullable().default(2_000),
  /** Share of delivered messages that are later read. */
  readRate: z.coerce.number().min(0).max(1).default(0.6),
});

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com/v21.0';

export const whatsappCloudConfigSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default(DEFAULT_GRAPH_URL),
  phoneNumberId: z.string().trim().regex(/^\d{5,30}$/, { error: 'Informe o ID do número (somente dígitos).' }),
});

export const httpConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'Informe uma URL http(s) válida.' }),
});

export type SandboxConfig = z.output<typeof sandboxConfigSchema>;
export type WhatsappCloudConfig = z.output<typeof whatsappCloudConfigSchema>;
export type HttpConfig = z.output<typeof httpConfigSchema>;

export const CONFIG_SCHEMAS = {
  sandbox: sandboxConfigSchema,
  whatsapp_cloud: whatsappCloudConfigSchema,
  http: httpConfigSchema,
} as const satisfies Record<ProviderKind, z.ZodType>;

/** Whether the provider needs a secret: WhatsApp Cloud's access token, the HTTP signing secret. */
export const NEEDS_SECRET: Record<ProviderKind, boolean> = { sandbox: false, whatsapp_cloud: true, http: true };

export function parseProviderConfig(kind: ProviderKind, raw: unknown) {
  return CONFIG_SCHEMAS[kind].parse(raw ?? {});
}

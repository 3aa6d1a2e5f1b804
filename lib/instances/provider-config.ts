import { DEFAULT_GRAPH_URL, parseProviderConfig } from '@/lib/providers/config';
import type { InstanceInput } from './schemas';

/** The form's provider fields → the stored provider_config (checked by the provider's schema). */
export function providerConfigFrom(input: InstanceInput): Record<string, unknown> {
  switch (input.provider) {
    case 'sandbox':
      return parseProviderConfig('sandbox', {
        latencyMs: input.latencyMs,
        failureRate: input.failureRatePercent / 100,
        receiptDelayMs: input.receipts ? 2_000 : null,
      });
    case 'whatsapp_cloud':
      return parseProviderConfig('whatsapp_cloud', { baseUrl: input.baseUrl ?? DEFAULT_GRAPH_URL, phoneNumberId: input.phoneNumberId });
    case 'http':
      return parseProviderConfig('http', { url: input.url });
  }
}

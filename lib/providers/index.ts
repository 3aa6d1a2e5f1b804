import { httpProvider } from './http';
import { sandboxProvider } from './sandbox';
import type { Provider, ProviderKind } from './types';
import { whatsappCloudProvider } from './whatsapp-cloud';

const PROVIDERS: Record<ProviderKind, Provider> = {
  sandbox: sandboxProvider,
  whatsapp_cloud: whatsappCloudProvider,
  http: httpProvider,
};

export function getProvider(kind: ProviderKind): Provider {
  return PROVIDERS[kind];
}

export * from './types';

import { now } from '@/lib/clock';
import { classifyHttpStatus } from '@/lib/providers/classify';
import { SIGNATURE_HEADER, signBody } from '@/lib/signature';
import { httpConfigSchema } from '../schemas';
import { metaEvent } from './meta';
import { postJson } from './shared';
import { DAY_MS, type ConversionPlatform } from './types';

/**
 * A generic endpoint: `{ "data": [ …events in Meta's shape… ], "test": bool }`, signed like our
 * webhooks (X-Pombo-Signature over the raw body with the destination's secret). 2xx is success;
 * 408/425/429 and 5xx are retried; any other answer (including 401/403) is final.
 */
export const httpPlatform: ConversionPlatform = {
  windowMs: 7 * DAY_MS,
  maxBatch: 1000,
  async send(destination, events, { signal, test }) {
    const { url } = httpConfigSchema.parse(destination.config);
    const raw = JSON.stringify({ data: events.map(metaEvent), test: test ?? false });
    return postJson(url, raw, { [SIGNATURE_HEADER]: signBody(destination.secret ?? '', raw, now()) }, signal, (status, text) =>
      status >= 200 && status < 300
        ? { outcome: 'success', httpStatus: status }
        : { outcome: classifyHttpStatus(status) === 'transient' ? 'transient' : 'permanent', httpStatus: status, error: `HTTP ${status}: ${text.slice(0, 200) || 'sem detalhe'}` },
    );
  },
};

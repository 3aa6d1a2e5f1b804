import { metaConfigSchema } from '../schemas';
import { postJson } from './shared';
import { DAY_MS, type BatchOutcome, type ConversionPlatform, type OutgoingConversion } from './types';

/**
 * Meta Conversions API: POST {base}/{version}/{pixel}/events with `data` (≤ 1,000 events),
 * `access_token` and the optional `test_event_code`. Events older than 7 days are refused by Meta.
 * Graph error codes that describe a passing condition (throttling, a busy service) are transient,
 * as is any error Meta flags `is_transient`; the rest (invalid parameter, token refused) are final.
 */
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 613]);

interface GraphError {
  message?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_msg?: string;
}

export function classifyMetaAnswer(status: number, text: string): BatchOutcome {
  if (status >= 200 && status < 300) return { outcome: 'success', httpStatus: status };
  let err: GraphError | undefined;
  try {
    err = (JSON.parse(text) as { error?: GraphError }).error;
  } catch {
    err = undefined;
  }
  const detail = err ? `${err.code !== undefined ? `#${err.code}${err.error_subcode ? `/${err.error_subcode}` : ''} ` : ''}${err.error_user_msg ?? err.message ?? ''}`.trim() : text.slice(0, 200);
  const transient = status === 429 || status >= 500 || err?.is_transient === true || (err?.code !== undefined && TRANSIENT_CODES.has(err.code));
  return { outcome: transient ? 'transient' : 'permanent', httpStatus: status, error: `HTTP ${status}: ${detail || 'sem detalhe'}` };
}

export function metaEvent(e: OutgoingConversion): Record<string, unknown> {
  return {
    event_name: e.eventName,
    event_time: Math.floor(e.eventTime.getTime() / 1000),
    event_id: e.eventId,
    action_source: e.actionSource,
    ...(e.eventSourceUrl ? { event_source_url: e.eventSourceUrl } : {}),
    user_data: e.userData,
    ...(Object.keys(e.customData).length ? { custom_data: e.customData } : {}),
  };
}

export const metaPlatform: ConversionPlatform = {
  windowMs: 7 * DAY_MS,
  maxBatch: 1000,
  async send(destination, events, { signal }) {
    const config = metaConfigSchema.parse(destination.config);
    const url = `${config.graphBaseUrl.replace(/\/+$/, '')}/${config.graphVersion}/${encodeURIComponent(config.pixelId)}/events`;
    const body = JSON.stringify({
      data: events.map(metaEvent),
      access_token: destination.secret ?? '',
      ...(config.testEventCode ? { test_event_code: config.testEventCode } : {}),
    });
    return postJson(url, body, {}, signal, classifyMetaAnswer);
  },
};

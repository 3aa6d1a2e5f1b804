import { classifyCloudError, describeNetworkError } from './classify';
import { whatsappCloudConfigSchema } from './config';
import type { Provider, ProviderInstance } from './types';

interface GraphError {
  error?: { message?: string; code?: number; error_subcode?: number };
}

function endpoint(instance: ProviderInstance, suffix = ''): { url: string; headers: Record<string, string> } {
  const config = whatsappCloudConfigSchema.parse(instance.config);
  return {
    url: `${config.baseUrl.replace(/\/+$/, '')}/${config.phoneNumberId}${suffix}`,
    headers: { authorization: `Bearer ${instance.secret ?? ''}`, 'content-type': 'application/json' },
  };
}

async function readJson<T>(res: Response): Promise<T | undefined> {
  try {
    return (await res.json()) as T;
  } catch {
    return undefined;
  }
}

function graphMessage(status: number, body: GraphError | undefined): string {
  const e = body?.error;
  return `WhatsApp Cloud API ${status}${e?.code !== undefined ? ` (código ${e.code})` : ''}: ${e?.message ?? 'sem detalhes'}`;
}

/**
 * WhatsApp Cloud API: `POST {base}/{phone-number-id}/messages` with a bearer token. The message id
 * travels as `biz_opaque_callback_data` and as the Idempotency-Key header, so status webhooks and
 * retries can be matched to it.
 */
export const whatsappCloudProvider: Provider = {
  kind: 'whatsapp_cloud',
  reportsReceipts: () => true,
  async send(instance, message, signal) {
    const { url, headers } = endpoint(instance, '/messages');
    const payload = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: message.to,
      type: 'text',
      text: { preview_url: false, body: message.body },
      biz_opaque_callback_data: message.id,
    };
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers: { ...headers, 'idempotency-key': message.id }, body: JSON.stringify(payload), signal });
    } catch (e) {
      return { ok: false, kind: 'transient', error: describeNetworkError(e) };
    }
    if (res.ok) {
      const body = await readJson<{ messages?: { id?: string }[] }>(res);
      const id = body?.messages?.[0]?.id;
      if (id) return { ok: true, providerMessageId: id, httpStatus: res.status };
      return { ok: false, kind: 'transient', error: 'WhatsApp Cloud API respondeu sem o id da mensagem', httpStatus: res.status };
    }
    const body = await readJson<GraphError>(res);
    return { ok: false, kind: classifyCloudError(res.status, body?.error?.code), error: graphMessage(res.status, body), httpStatus: res.status };
  },
  async check(instance, signal) {
    const { url, headers } = endpoint(instance, '?fields=display_phone_number,verified_name');
    try {
      const res = await fetch(url, { headers, signal });
      if (res.ok) {
        const body = await readJson<{ display_phone_number?: string; verified_name?: string }>(res);
        return { ok: true, detail: [body?.verified_name, body?.display_phone_number].filter(Boolean).join(' · ') };
      }
      return { ok: false, error: graphMessage(res.status, await readJson<GraphError>(res)) };
    } catch (e) {
      return { ok: false, error: describeNetworkError(e) };
    }
  },
};

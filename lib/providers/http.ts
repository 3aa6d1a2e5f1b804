import { now } from '@/lib/clock';
import { SIGNATURE_HEADER, signBody } from '@/lib/signature';
import { classifyHttpStatus, describeNetworkError } from './classify';
import { httpConfigSchema } from './config';
import type { Provider } from './types';

/**
 * A generic signed webhook: Pombo POSTs each message as JSON to the instance's URL, signed with its
 * secret (see lib/signature.ts), and the receiver does the sending. 2xx is success; 408/425/429 and
 * 5xx are retried; 401/403 disconnect the instance; other 4xx fail the message.
 */
export const httpProvider: Provider = {
  kind: 'http',
  reportsReceipts: () => false,
  async send(instance, message, signal) {
    const { url } = httpConfigSchema.parse(instance.config);
    const raw = JSON.stringify({
      id: message.id,
      attempt: message.attempt,
      instance: { id: instance.id, phoneNumber: instance.phoneNumber },
      to: message.to,
      body: message.body,
    });
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': message.id, [SIGNATURE_HEADER]: signBody(instance.secret ?? '', raw, now()) },
        body: raw,
        signal,
      });
    } catch (e) {
      return { ok: false, kind: 'transient', error: describeNetworkError(e) };
    }
    const text = await res.text().catch(() => '');
    if (res.ok) {
      let id: unknown;
      try {
        id = (JSON.parse(text) as { id?: unknown }).id;
      } catch {
        id = undefined;
      }
      return { ok: true, providerMessageId: typeof id === 'string' && id ? id : message.id, httpStatus: res.status };
    }
    return { ok: false, kind: classifyHttpStatus(res.status), error: `HTTP ${res.status}: ${text.slice(0, 200) || res.statusText}`, httpStatus: res.status };
  },
  async check() {
    return { ok: true };
  },
};

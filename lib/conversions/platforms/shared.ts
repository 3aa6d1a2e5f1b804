import { describeNetworkError } from '@/lib/providers/classify';
import type { BatchOutcome } from './types';

/** POSTs JSON; network errors and timeouts are transient. Hands a received answer to `classify`. */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  classify: (status: number, text: string) => BatchOutcome,
): Promise<BatchOutcome> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal });
    text = await res.text();
  } catch (e) {
    return { outcome: 'transient', error: describeNetworkError(e) };
  }
  return classify(res.status, text);
}

import { createHash } from 'node:crypto';
import { sandboxConfigSchema } from './config';
import { scheduleSandboxReceipts } from './sandbox-receipts';
import type { Provider } from './types';

/** A number in [0, 1) fixed by the message, attempt and purpose, so a run is reproducible. */
function draw(messageId: string, attempt: number, purpose: string): number {
  return createHash('sha256').update(`${messageId}:${attempt}:${purpose}`).digest().readUInt32BE(0) / 2 ** 32;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    });
  });
}

/**
 * Idempotency as a real provider does it: a key seen before is not sent again. Kept only when a
 * bench or test turns it on (it grows with every send), together with when each instance's sends
 * reached the provider (the bench's pacing figure).
 */
const ledger = { enabled: false, keys: new Map<string, number>(), calls: new Map<string, number[]>() };

export function enableSandboxLedger(): void {
  ledger.enabled = true;
  ledger.keys.clear();
  ledger.calls.clear();
}

export function sandboxLedger(): { sends: number; duplicates: number; keys: ReadonlyMap<string, number>; calls: ReadonlyMap<string, readonly number[]> } {
  let sends = 0;
  let duplicates = 0;
  for (const n of ledger.keys.values()) {
    sends += n;
    if (n > 1) duplicates += n - 1;
  }
  return { sends, duplicates, keys: ledger.keys, calls: ledger.calls };
}

function record(instanceId: string, messageId: string): void {
  ledger.keys.set(messageId, (ledger.keys.get(messageId) ?? 0) + 1);
  const calls = ledger.calls.get(instanceId) ?? [];
  calls.push(performance.timeOrigin + performance.now());
  ledger.calls.set(instanceId, calls);
}

/**
 * The built-in provider: simulates WhatsApp with configurable latency, failure rate
 * (transient/permanent split) and delivery/read receipts after a delay, so Pombo works offline.
 */
export const sandboxProvider: Provider = {
  kind: 'sandbox',
  reportsReceipts: (instance) => sandboxConfigSchema.parse(instance.config).receiptDelayMs !== null,
  async send(instance, message, signal) {
    const config = sandboxConfigSchema.parse(instance.config);
    await wait(config.latencyMs, signal);
    if (draw(message.id, message.attempt, 'fail') < config.failureRate) {
      const transient = draw(message.id, message.attempt, 'kind') < config.transientShare;
      return transient
        ? { ok: false, kind: 'transient', error: 'Sandbox: instabilidade simulada do provedor (503)', httpStatus: 503 }
        : { ok: false, kind: 'permanent', error: 'Sandbox: número inexistente no WhatsApp (simulado)', httpStatus: 400 };
    }
    if (ledger.enabled) record(instance.id, message.id);
    if (config.receiptDelayMs !== null) {
      const read = draw(message.id, 0, 'read') < config.readRate;
      scheduleSandboxReceipts(message.id, config.receiptDelayMs, read);
    }
    return { ok: true, providerMessageId: `sandbox.${message.id}` };
  },
  async check() {
    return { ok: true, detail: 'sandbox' };
  },
};

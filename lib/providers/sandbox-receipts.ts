import { applyReceipts, type Receipt } from '@/lib/queue/receipts';
import { now } from '@/lib/clock';
import { logger } from '@/lib/logger';

/**
 * The sandbox's "webhook": receipts wait here until due and are applied in one statement per
 * second, the way a provider's status callbacks would arrive. In memory: a simulator may lose a
 * receipt when its process stops, as a real webhook sometimes does.
 */
let pending: { due: number; receipt: Omit<Receipt, 'at'> }[] = [];
let timer: NodeJS.Timeout | undefined;

export function scheduleSandboxReceipts(messageId: string, delayMs: number, read: boolean): void {
  const t = now().getTime();
  pending.push({ due: t + delayMs, receipt: { messageId, status: 'delivered' } });
  if (read) pending.push({ due: t + delayMs * 3, receipt: { messageId, status: 'read' } });
  timer ??= setInterval(() => void flushSandboxReceipts().catch((err) => logger.warn({ err }, 'sandbox receipts failed')), 1000).unref();
}

/** Applies every receipt that is due by now; returns how many. */
export async function flushSandboxReceipts(): Promise<number> {
  const t = now().getTime();
  const due: Receipt[] = [];
  const later: typeof pending = [];
  for (const p of pending) {
    if (p.due <= t) due.push({ ...p.receipt, at: new Date(p.due) });
    else later.push(p);
  }
  pending = later;
  if (due.length > 0) await applyReceipts(due);
  return due.length;
}

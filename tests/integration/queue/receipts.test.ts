import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { fixedClock, useClock } from '@/lib/clock';
import { flushSandboxReceipts } from '@/lib/providers/sandbox-receipts';
import { dispatchOnce } from '@/lib/queue/dispatcher';
import { applyReceipts } from '@/lib/queue/receipts';
import { createAccount } from '../../support/factories';
import { T0, enqueue, makeInstance, message } from '../../support/queue-factories';

let clock: ReturnType<typeof fixedClock>;
let restore: () => void;
let accountId: string;
beforeEach(async () => {
  clock = fixedClock(T0);
  restore = useClock(clock);
  accountId = (await createAccount()).id;
});
afterEach(() => restore());

const at = (ms: number) => new Date(T0.getTime() + ms);
async function receipt(id: string) {
  const [row] = await getSql()<{ status: string; deliveredAt: Date | null; readAt: Date | null }[]>`
    SELECT delivery_status AS status, delivered_at AS "deliveredAt", read_at AS "readAt" FROM messages WHERE id = ${id}`;
  return row!;
}

describe('delivery receipts', () => {
  it('the sandbox delivers after its delay and reads later; a sent message waits for them', async () => {
    const instance = await makeInstance(accountId, { intervalMs: 100, config: { receiptDelayMs: 2000, readRate: 1 } });
    const [id] = await enqueue(accountId, instance, 1);
    await dispatchOnce({ workerId: 'test', accountId, resetHour: 21 });
    expect(await message(id!)).toMatchObject({ state: 'sent', deliveryStatus: 'pending' });
    clock.set(at(1999));
    await flushSandboxReceipts();
    expect((await receipt(id!)).status).toBe('pending');
    clock.set(at(2000));
    await flushSandboxReceipts();
    expect(await receipt(id!)).toEqual({ status: 'delivered', deliveredAt: at(2000), readAt: null });
    clock.set(at(6000));
    await flushSandboxReceipts();
    expect(await receipt(id!)).toEqual({ status: 'read', deliveredAt: at(2000), readAt: at(6000) });
  });

  it('merges receipts, never downgrades read, and only touches sent messages', async () => {
    const instance = await makeInstance(accountId, { intervalMs: 100 });
    const [sent, waiting] = await enqueue(accountId, instance, 2);
    await getSql()`UPDATE messages SET state = 'sent', sent_at = ${T0}, delivery_status = 'pending' WHERE id = ${sent!}`;
    expect(await applyReceipts([{ messageId: sent!, status: 'read', at: at(500) }, { messageId: sent!, status: 'delivered', at: at(300) }, { messageId: waiting!, status: 'delivered', at: at(300) }])).toBe(1);
    expect(await receipt(sent!)).toEqual({ status: 'read', deliveredAt: at(300), readAt: at(500) });
    await applyReceipts([{ messageId: sent!, status: 'delivered', at: at(900) }]);
    expect(await receipt(sent!)).toEqual({ status: 'read', deliveredAt: at(300), readAt: at(500) });
    expect((await receipt(waiting!)).status).toBeNull();
  });
});

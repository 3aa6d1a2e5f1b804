import { describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { listArchiveRuns } from '@/lib/archive/queries';
import { runArchive } from '@/lib/archive/service';
import { createAccount } from '@/tests/support/factories';
import { makeApiStore } from '@/tests/support/events-factories';
import { makeInstance } from '@/tests/support/queue-factories';

// In the past, so other test files' rows (received now, or in 2100) are never older than these cutoffs.
const AT = new Date('2001-06-30T03:30:00Z');
const DAY = 86_400_000;
const ago = (ms: number) => new Date(AT.getTime() - ms);

async function makeEvent(accountId: string, storeId: string, status: string, receivedAt: Date, messageId: string | null = null): Promise<string> {
  const [row] = await getSql()<{ id: string }[]>`
    INSERT INTO events (account_id, store_id, external_id, type, channel, occurred_at, received_at, contact_phone, data, body_hash, status, message_id)
    VALUES (${accountId}, ${storeId}, ${crypto.randomUUID()}, 'order_paid', 'rt', ${receivedAt}, ${receivedAt}, '+5511987654321', '{}', 'h', ${status}, ${messageId})
    RETURNING id`;
  return row!.id;
}

async function makeMessage(accountId: string, instanceId: string, state: string, enqueuedAt: Date, removedAt: Date | null = null): Promise<string> {
  const [row] = await getSql()<{ id: string }[]>`
    INSERT INTO messages (account_id, instance_id, recipient, body, source_kind, source_label, state, enqueued_at, available_at, removed_at, sent_at)
    VALUES (${accountId}, ${instanceId}, '+5511987654321', 'x', 'test', 'Teste', ${state}, ${enqueuedAt}, ${enqueuedAt}, ${removedAt}, ${state === 'sent' ? enqueuedAt : null})
    RETURNING id`;
  return row!.id;
}

const exists = async (table: 'events' | 'messages' | 'events_archive' | 'messages_archive', id: string) =>
  (await getSql()`SELECT 1 FROM ${getSql()(table)} WHERE id = ${id}`).length === 1;

describe('archiving', () => {
  it('moves finished events older than the retention, keeps younger and unfinished ones, and rolls them up per day', async () => {
    const accountId = (await createAccount()).id;
    const { storeId } = await makeApiStore(accountId);
    const old = await makeEvent(accountId, storeId, 'sent', ago(31 * DAY));
    const oldFailed = await makeEvent(accountId, storeId, 'failed', ago(30 * DAY + 1000));
    const edge = await makeEvent(accountId, storeId, 'sent', ago(30 * DAY - 1000));
    const pending = await makeEvent(accountId, storeId, 'pending_delivery', ago(40 * DAY));
    const result = await runArchive({ trigger: 'manual', at: AT, retentionDays: 30, batchSize: 1 });
    expect(result.eventsMoved).toBeGreaterThanOrEqual(2);
    for (const id of [old, oldFailed]) {
      expect(await exists('events', id)).toBe(false);
      expect(await exists('events_archive', id)).toBe(true);
    }
    expect(await exists('events', edge)).toBe(true);
    expect(await exists('events', pending)).toBe(true);
    const [archived] = await getSql()<{ row: { status: string; store_id: string } }[]>`SELECT row FROM events_archive WHERE id = ${old}`;
    expect(archived!.row).toMatchObject({ status: 'sent', store_id: storeId });
    const rollups = await getSql()<{ status: string; count: number }[]>`SELECT status, count FROM event_daily_rollups WHERE store_id = ${storeId} ORDER BY status`;
    expect(rollups).toEqual([
      { status: 'failed', count: 1 },
      { status: 'sent', count: 1 },
    ]);
  });

  it('archives finished messages with their attempts but never a removed message younger than 48 hours, nor a waiting one', async () => {
    const accountId = (await createAccount()).id;
    const instanceId = await makeInstance(accountId);
    const sent = await makeMessage(accountId, instanceId, 'sent', ago(31 * DAY));
    await getSql()`INSERT INTO message_attempts (message_id, attempt, instance_id, started_at, finished_at, outcome) VALUES (${sent}, 1, ${instanceId}, ${ago(31 * DAY)}, ${ago(31 * DAY)}, 'sent')`;
    const removedOld = await makeMessage(accountId, instanceId, 'removed', ago(31 * DAY), ago(3 * DAY));
    const removedRecent = await makeMessage(accountId, instanceId, 'removed', ago(31 * DAY), ago(47 * 3600_000));
    const queued = await makeMessage(accountId, instanceId, 'queued', ago(31 * DAY));
    // A 1-day retention still keeps removed messages for 48 hours.
    const removedYesterday = await makeMessage(accountId, instanceId, 'removed', ago(2 * DAY), ago(36 * 3600_000));
    await runArchive({ trigger: 'cron', at: AT, retentionDays: 1 });
    expect(await exists('messages_archive', sent)).toBe(true);
    expect(await exists('messages_archive', removedOld)).toBe(true);
    expect(await exists('messages', removedRecent)).toBe(true);
    expect(await exists('messages', removedYesterday)).toBe(true);
    expect(await exists('messages', queued)).toBe(true);
    const [archived] = await getSql()<{ row: { attempts: { outcome: string }[] } }[]>`SELECT row FROM messages_archive WHERE id = ${sent}`;
    expect(archived!.row.attempts).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    expect(await getSql()`SELECT 1 FROM message_attempts WHERE message_id = ${sent}`).toHaveLength(0);
  });

  it('records each run for /admin, visible to platform admins only', async () => {
    const { runId } = await runArchive({ trigger: 'manual', at: AT, retentionDays: 30 });
    const runs = await listArchiveRuns({ isPlatformAdmin: true }, 50);
    expect(runs.find((r) => r.id === runId)).toMatchObject({ trigger: 'manual', state: 'done' });
    await expect(listArchiveRuns({ isPlatformAdmin: false })).rejects.toMatchObject({ status: 404 });
  });
});

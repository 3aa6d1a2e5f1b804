import { getSql } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { ingestConversions } from '@/lib/conversions/ingest';
import { conversionInputSchema, destinationFormSchema, type ConversionInput } from '@/lib/conversions/schemas';
import { createDestination } from '@/lib/conversions/service';
import { createStore } from '@/lib/stores/service';
import type { FakeMetaGraph } from '../fakes/meta-graph';

/** A store with a Meta destination pointing at the fake Graph API. */
export async function storeWithMetaDestination(owner: Actor, fake: FakeMetaGraph, extra: { testEventCode?: string } = {}) {
  const store = await createStore(owner, { name: `Loja ${Math.random().toString(36).slice(2, 8)}` });
  const destination = await createDestination(
    owner,
    destinationFormSchema.parse({
      kind: 'meta',
      storeId: store.id,
      name: 'Meta Ads',
      pixelId: fake.pixelId,
      secret: fake.accessToken,
      graphBaseUrl: fake.baseUrl,
      graphVersion: 'v21.0',
      testEventCode: extra.testEventCode,
      mappings: 'order.paid = Purchase',
    }),
  );
  return { storeId: store.id, destinationId: destination.id };
}

export function conversionInput(overrides: Partial<Record<string, unknown>> = {}): ConversionInput {
  return conversionInputSchema.parse({
    externalId: `ext-${Math.random().toString(36).slice(2)}`,
    eventName: 'Purchase',
    eventTime: new Date().toISOString(),
    user: { email: ' Cliente@Example.COM ', phone: '+55 (11) 98765-4321' },
    customData: { value: 129.9, currency: 'BRL' },
    ...overrides,
  });
}

export async function ingestMany(target: { accountId: string; storeId: string }, n: number, eventTime: Date) {
  const inputs = Array.from({ length: n }, (_, i) => conversionInput({ externalId: `bulk-${i}-${Math.random().toString(36).slice(2, 8)}`, eventTime: eventTime.toISOString() }));
  return ingestConversions(target, inputs);
}

export async function conversionRow(id: string) {
  const [row] = await getSql()<{ status: string; attempts: number; nextAttemptAt: Date; lastAttemptAt: Date | null; failureReason: string | null; lastError: string | null; claimToken: string | null }[]>`
    SELECT status, attempts, next_attempt_at AS "nextAttemptAt", last_attempt_at AS "lastAttemptAt", failure_reason AS "failureReason",
      last_error AS "lastError", claim_token AS "claimToken"
    FROM conversion_events WHERE id = ${id}`;
  return row!;
}

export async function attemptsOf(id: string) {
  return getSql()<{ attempt: number; outcome: string; httpStatus: number | null; error: string | null; manual: boolean; startedAt: Date }[]>`
    SELECT attempt, outcome, http_status AS "httpStatus", error, manual, started_at AS "startedAt" FROM conversion_attempts WHERE event_id = ${id} ORDER BY attempt`;
}

import 'server-only';
import { randomUUID } from 'node:crypto';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { seal } from '@/lib/crypto';
import { AppError, notFound } from '@/lib/errors';
import { getStoreOrThrow } from '@/lib/stores/queries';
import { loadDestination, resendIds, type DeliveryTally } from './deliver';
import { hashUserData } from './hashing';
import { PLATFORMS } from './platforms';
import { getDestinationOrThrow } from './queries';
import { ingestConversions } from './ingest';
import type { ConversionInput, DestinationForm } from './schemas';
import { wakeDelivery } from './wake';

/** The non-secret part of the form, as stored in `config`. */
function configOf(form: DestinationForm): Record<string, unknown> {
  switch (form.kind) {
    case 'meta':
      return { pixelId: form.pixelId, testEventCode: form.testEventCode, graphBaseUrl: form.graphBaseUrl, graphVersion: form.graphVersion };
    case 'http':
      return { url: form.url };
    case 'sandbox':
      return { mode: form.mode };
  }
}

function secretOf(form: DestinationForm): string | undefined {
  return form.kind === 'sandbox' ? undefined : form.secret || undefined;
}

function requireSecret(form: DestinationForm) {
  if (form.kind !== 'sandbox' && !form.secret) {
    throw new AppError('VALIDATION', {
      message: 'Confira os campos destacados.',
      fieldErrors: { secret: [form.kind === 'meta' ? 'Informe o token de acesso da API de Conversões.' : 'Informe o segredo usado para assinar as requisições.'] },
    });
  }
}

export async function createDestination(actor: Actor, form: DestinationForm): Promise<{ id: string }> {
  assertCan(actor, 'editContent');
  await getStoreOrThrow(actor.accountId, form.storeId);
  requireSecret(form);
  const secret = secretOf(form);
  const [row] = await getSql()<{ id: string }[]>`
    INSERT INTO conversion_destinations (account_id, store_id, kind, name, config, secret, mappings, created_at)
    VALUES (${actor.accountId}, ${form.storeId}, ${form.kind}, ${form.name}, ${getSql().json(configOf(form) as never)}, ${secret ? seal(secret) : null},
      ${getSql().json(form.mappings as never)}, ${now()})
    RETURNING id`;
  return { id: row!.id };
}

/** Kind and store stay; a blank secret keeps the stored one. */
export async function updateDestination(actor: Actor, form: DestinationForm & { destinationId: string }): Promise<void> {
  assertCan(actor, 'editContent');
  const current = await getDestinationOrThrow(actor.accountId, form.destinationId);
  if (current.kind !== form.kind || current.storeId !== form.storeId) throw notFound('Destino de conversão');
  const secret = secretOf(form);
  await getSql()`
    UPDATE conversion_destinations SET name = ${form.name}, config = ${getSql().json(configOf(form) as never)}, mappings = ${getSql().json(form.mappings as never)},
      secret = ${secret ? seal(secret) : getSql()`secret`}
    WHERE id = ${form.destinationId} AND account_id = ${actor.accountId}`;
}

export async function setDestinationActive(actor: Actor, input: { destinationId: string; active: boolean }): Promise<void> {
  assertCan(actor, 'editContent');
  await getDestinationOrThrow(actor.accountId, input.destinationId);
  await getSql()`UPDATE conversion_destinations SET active = ${input.active} WHERE id = ${input.destinationId} AND account_id = ${actor.accountId}`;
}

/** Deletes the destination and its events' history. */
export async function deleteDestination(actor: Actor, destinationId: string): Promise<void> {
  assertCan(actor, 'editContent');
  await getDestinationOrThrow(actor.accountId, destinationId);
  await getSql()`DELETE FROM conversion_destinations WHERE id = ${destinationId} AND account_id = ${actor.accountId}`;
}

/** "Testar conexão": one test event (Meta: with the test event code when set); nothing is stored. */
export async function testDestination(actor: Actor, destinationId: string): Promise<{ ok: boolean; httpStatus?: number; error?: string; durationMs: number }> {
  assertCan(actor, 'editContent');
  await getDestinationOrThrow(actor.accountId, destinationId);
  const destination = (await loadDestination(destinationId))!;
  const started = Date.now();
  const at = now();
  const answer = await PLATFORMS[destination.kind]
    .send(
      destination,
      [
        {
          id: randomUUID(),
          eventId: `pombo-test-${randomUUID()}`,
          eventName: 'PageView',
          eventTime: at,
          actionSource: 'system_generated',
          eventSourceUrl: null,
          userData: hashUserData({ email: 'teste@pombo.test' }),
          customData: {},
        },
      ],
      { signal: AbortSignal.timeout(10_000), test: true },
    )
    .catch((e: unknown) => ({ outcome: 'permanent' as const, httpStatus: undefined, error: e instanceof Error ? e.message : String(e) }));
  return { ok: answer.outcome === 'success', httpStatus: answer.httpStatus, error: answer.error, durationMs: Date.now() - started };
}

/** "Reenviar agora": resends at once, without waiting for the 30 minutes. Another tenant's id is not found. */
export async function resendNow(actor: Actor, ids: string[]): Promise<DeliveryTally> {
  assertCan(actor, 'startDeliveries');
  const unique = [...new Set(ids)];
  const [row] = await getSql()<{ n: number }[]>`SELECT count(*)::int AS n FROM conversion_events WHERE account_id = ${actor.accountId} AND id = ANY(${unique}::uuid[])`;
  if (row!.n !== unique.length) throw notFound('Evento de conversão');
  return resendIds(actor.accountId, unique);
}

/** POST /api/v1/conversions: stores the events (idempotent) and wakes their destinations' delivery. */
export async function acceptConversions(store: { accountId: string; storeId: string }, inputs: ConversionInput[]) {
  const result = await ingestConversions(store, inputs);
  if (result.created > 0) wakeDelivery(result.destinationIds);
  return { created: result.created, conversions: result.conversions };
}

import 'server-only';
import postgres from 'postgres';
import { getSql } from '@/db/client';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { getStoreOrThrow } from '@/lib/stores/queries';
import { getTemplate } from './queries';
import type { TemplateInput } from './schemas';

/** Turns the one-active-template rule's unique violation into a field error. */
async function guardActiveUnique<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof postgres.PostgresError && e.code === '23505' && e.constraint_name === 'templates_active_key') {
      throw new AppError('CONFLICT', {
        message: 'Já existe um modelo ativo para este tipo de evento nesta loja.',
        status: 409,
        fieldErrors: { eventType: ['Já existe um modelo ativo para este tipo de evento nesta loja. Desative-o primeiro.'] },
      });
    }
    throw e;
  }
}

export async function createTemplate(actor: Actor, input: TemplateInput): Promise<{ id: string }> {
  assertCan(actor, 'editContent');
  if (input.storeId) await getStoreOrThrow(actor.accountId, input.storeId);
  const [row] = await guardActiveUnique(
    () => getSql()<{ id: string }[]>`
      INSERT INTO templates (account_id, store_id, event_type, name, body, active, created_at, updated_at)
      VALUES (${actor.accountId}, ${input.storeId}, ${input.eventType}, ${input.name}, ${input.body}, ${input.active}, ${now()}, ${now()})
      RETURNING id`,
  );
  return { id: row!.id };
}

export async function updateTemplate(actor: Actor, input: TemplateInput & { templateId: string }): Promise<void> {
  assertCan(actor, 'editContent');
  await getTemplate(actor, input.templateId);
  if (input.storeId) await getStoreOrThrow(actor.accountId, input.storeId);
  await guardActiveUnique(
    () => getSql()`
      UPDATE templates SET store_id = ${input.storeId}, event_type = ${input.eventType}, name = ${input.name}, body = ${input.body},
        active = ${input.active}, updated_at = ${now()}
      WHERE id = ${input.templateId} AND account_id = ${actor.accountId}`,
  );
}

/** Events keep their template id; their timeline then shows no template name. */
export async function deleteTemplate(actor: Actor, templateId: string): Promise<void> {
  assertCan(actor, 'editContent');
  await getTemplate(actor, templateId);
  await getSql()`DELETE FROM templates WHERE id = ${templateId} AND account_id = ${actor.accountId}`;
}

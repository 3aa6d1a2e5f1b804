'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, type FormState } from '@/lib/auth/action';
import { instanceFormToInput, instanceIdSchema, instanceInputSchema, pauseSchema, testMessageSchema } from './schemas';
import { connectInstance, createInstance, deleteInstance, disconnectInstance, sendTestMessage, setPaused, updateInstance } from './service';

function revalidateInstances() {
  revalidatePath('/instances', 'layout');
  revalidatePath('/stores', 'layout');
}

/** The instance form: create when there is no instanceId, edit otherwise. */
const saveSchema = z.intersection(
  z.object({ instanceId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()) }),
  instanceInputSchema,
);

const save = defineAction(saveSchema, async (actor, { instanceId, ...input }) => {
  const saved = instanceId ? (await updateInstance(actor, instanceId, input), { id: instanceId }) : await createInstance(actor, input);
  revalidateInstances();
  return saved;
});

export async function saveInstanceAction(_prev: FormState, formData: FormData) {
  return save(instanceFormToInput(formData) as z.input<typeof saveSchema>);
}

export const setPausedAction = defineAction(pauseSchema, async (actor, { instanceId, paused }) => {
  await setPaused(actor, instanceId, paused);
  revalidateInstances();
});

export const connectInstanceAction = defineAction(instanceIdSchema, async (actor, { instanceId }) => {
  const result = await connectInstance(actor, instanceId);
  revalidateInstances();
  return result;
});

export const disconnectInstanceAction = defineAction(instanceIdSchema, async (actor, { instanceId }) => {
  await disconnectInstance(actor, instanceId);
  revalidateInstances();
});

export const deleteInstanceAction = defineAction(instanceIdSchema, async (actor, { instanceId }) => {
  await deleteInstance(actor, instanceId);
  revalidateInstances();
});

export const sendTestMessageAction = defineAction(testMessageSchema, async (actor, { instanceId, ...input }) => {
  const result = await sendTestMessage(actor, instanceId, input);
  revalidateInstances();
  return result;
});

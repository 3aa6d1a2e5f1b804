'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/action';
import { configIdSchema, configSchema } from './schemas';
import { abortConfig, createConfig, duplicateConfig } from './service';

const SENDS_PATH = '/sends';

export const createConfigAction = defineAction(configSchema, async (actor, input) => {
  const created = await createConfig(actor, input);
  revalidatePath(SENDS_PATH);
  return created;
});

export const abortConfigAction = defineAction(configIdSchema, async (actor, { configId }) => {
  const outcome = await abortConfig(actor, configId);
  revalidatePath(SENDS_PATH, 'layout');
  return outcome;
});

export const duplicateConfigAction = defineAction(configIdSchema, async (actor, { configId }) => {
  const copy = await duplicateConfig(actor, configId);
  revalidatePath(SENDS_PATH);
  return copy;
});

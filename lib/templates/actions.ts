'use server';

import { revalidatePath } from 'next/cache';
import { defineAction, defineFormAction } from '@/lib/auth/action';
import { templateIdSchema, templateInputSchema, templateUpdateSchema } from './schemas';
import { createTemplate, deleteTemplate, updateTemplate } from './service';

const PATH = '/templates';

export const createTemplateAction = defineFormAction(templateInputSchema, async (actor, input) => {
  const created = await createTemplate(actor, input);
  revalidatePath(PATH);
  return created;
});

export const updateTemplateAction = defineFormAction(templateUpdateSchema, async (actor, input) => {
  await updateTemplate(actor, input);
  revalidatePath(PATH);
  return { id: input.templateId };
});

export const deleteTemplateAction = defineAction(templateIdSchema, async (actor, { templateId }) => {
  await deleteTemplate(actor, templateId);
  revalidatePath(PATH);
});

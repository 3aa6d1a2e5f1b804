'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/action';
import { confirmEachRunSchema, confirmSendSchema, runIdSchema } from './schemas';
import { confirmOccurrence, confirmSend, recomputeStats, setConfirmEachRun } from './service';

const SENDS_PATH = '/sends';

export const confirmSendAction = defineAction(confirmSendSchema, async (actor, { configId }) => {
  const { at } = await confirmSend(actor, configId);
  revalidatePath(SENDS_PATH, 'layout');
  return { at: at.toISOString() };
});

export const confirmOccurrenceAction = defineAction(runIdSchema, async (actor, { runId }) => {
  const { at } = await confirmOccurrence(actor, runId);
  revalidatePath(SENDS_PATH, 'layout');
  return { at: at.toISOString() };
});

export const setConfirmEachRunAction = defineAction(confirmEachRunSchema, async (actor, { configId, on }) => {
  await setConfirmEachRun(actor, configId, on);
  revalidatePath(SENDS_PATH, 'layout');
});

export const recomputeStatsAction = defineAction(runIdSchema, async (actor, { runId }) => {
  const stats = await recomputeStats(actor, runId);
  revalidatePath(SENDS_PATH, 'layout');
  return { computedAt: stats.computedAt.toISOString() };
});

'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, defineFormAction } from '@/lib/auth/action';
import { getConversionDetail } from './queries';
import { destinationFormSchema, destinationIdSchema, resendSchema, updateDestinationSchema } from './schemas';
import { createDestination, deleteDestination, resendNow, setDestinationActive, testDestination, updateDestination } from './service';

const storePath = (storeId: string) => `/stores/${storeId}`;

export const createDestinationAction = defineFormAction(destinationFormSchema, async (actor, input) => {
  const created = await createDestination(actor, input);
  revalidatePath(storePath(input.storeId));
  return created;
});

export const updateDestinationAction = defineFormAction(updateDestinationSchema, async (actor, input) => {
  await updateDestination(actor, input);
  revalidatePath(storePath(input.storeId));
});

export const setDestinationActiveAction = defineAction(destinationIdSchema.extend({ active: z.boolean() }), async (actor, input) => {
  await setDestinationActive(actor, input);
  revalidatePath('/stores/[id]', 'page');
});

export const deleteDestinationAction = defineAction(destinationIdSchema, async (actor, { destinationId }) => {
  await deleteDestination(actor, destinationId);
  revalidatePath('/stores/[id]', 'page');
});

export const testDestinationAction = defineAction(destinationIdSchema, async (actor, { destinationId }) => testDestination(actor, destinationId));

export const resendNowAction = defineAction(resendSchema, async (actor, { ids }) => {
  const tally = await resendNow(actor, ids);
  revalidatePath('/conversions');
  return tally;
});

/** The detail sheet: the event and every attempt, dates as ISO strings for the client. */
export const conversionDetailAction = defineAction(z.object({ id: z.uuid() }), async (actor, { id }) => {
  const { event, attempts } = await getConversionDetail(actor, id);
  return JSON.parse(JSON.stringify({ event, attempts })) as ConversionDetailView;
});

export interface ConversionDetailView {
  event: {
    id: string;
    externalId: string;
    eventId: string;
    eventName: string;
    eventTime: string;
    status: import('./states').ConversionStatus;
    attempts: number;
    lastAttemptAt: string | null;
    nextAttemptAt: string;
    lastError: string | null;
    failureReason: string | null;
    createdAt: string;
    destinationName: string;
    storeName: string;
    userData: Record<string, unknown>;
    customData: Record<string, unknown>;
  };
  attempts: { attempt: number; startedAt: string; durationMs: number; outcome: string; httpStatus: number | null; error: string | null; manual: boolean }[];
}

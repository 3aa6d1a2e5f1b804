'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { getMessageDetail } from './details';
import { removeFromQueue, startQueueOperation } from './service';
import { OPERATION_KINDS } from './states';

function revalidateQueue(instanceId: string) {
  revalidatePath(`/instances/${instanceId}`, 'layout');
}

export const removeFromQueueAction = defineAction(z.object({ instanceId: z.uuid(), messageId: z.uuid() }), async (actor, input) => {
  await removeFromQueue(actor, input);
  revalidateQueue(input.instanceId);
});

export const startQueueOperationAction = defineAction(z.object({ instanceId: z.uuid(), kind: z.enum(OPERATION_KINDS) }), async (actor, input) => {
  const started = await startQueueOperation(actor, input);
  revalidateQueue(input.instanceId);
  return started;
});

/** "Ver": read on demand when the dialog opens. */
export const messageDetailAction = defineAction(z.object({ messageId: z.uuid() }), (actor, { messageId }) => getMessageDetail(actor, messageId));

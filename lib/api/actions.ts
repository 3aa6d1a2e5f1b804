'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { rotateCredentials } from './credentials';

/** "Rotacionar" (or the first "Gerar credenciais"): the new pair comes back once, in full. */
export const rotateCredentialsAction = defineAction(z.object({ storeId: z.uuid() }), async (actor, { storeId }) => {
  const issued = await rotateCredentials(actor, storeId);
  revalidatePath(`/stores/${storeId}`);
  return issued;
});

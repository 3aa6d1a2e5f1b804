'use server';

import { revalidatePath } from 'next/cache';
import { defineAction, defineFormAction } from '@/lib/auth/action';
import { createStoreSchema, renameStoreSchema, storeIdSchema, storeInstanceSchema } from './schemas';
import { connectStoreInstance, createStore, deleteStore, disconnectStoreInstance, renameStore } from './service';

function revalidateStores(storeId?: string) {
  revalidatePath('/stores');
  if (storeId) revalidatePath(`/stores/${storeId}`);
  revalidatePath('/instances', 'layout');
}

export const createStoreAction = defineFormAction(createStoreSchema, async (actor, input) => {
  const store = await createStore(actor, input);
  revalidateStores();
  return store;
});

export const renameStoreAction = defineFormAction(renameStoreSchema, async (actor, input) => {
  await renameStore(actor, input);
  revalidateStores(input.storeId);
});

export const deleteStoreAction = defineAction(storeIdSchema, async (actor, { storeId }) => {
  await deleteStore(actor, storeId);
  revalidateStores();
});

export const connectStoreInstanceAction = defineAction(storeInstanceSchema, async (actor, input) => {
  await connectStoreInstance(actor, input);
  revalidateStores(input.storeId);
});

export const disconnectStoreInstanceAction = defineAction(storeInstanceSchema, async (actor, input) => {
  await disconnectStoreInstance(actor, input);
  revalidateStores(input.storeId);
});

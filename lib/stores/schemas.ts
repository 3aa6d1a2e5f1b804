import { z } from 'zod';

export const storeNameSchema = z.string().trim().min(2, { error: 'Dê um nome com pelo menos 2 letras.' }).max(80, { error: 'Use no máximo 80 caracteres.' });

export const createStoreSchema = z.object({ name: storeNameSchema });
export const renameStoreSchema = z.object({ storeId: z.uuid(), name: storeNameSchema });
export const storeIdSchema = z.object({ storeId: z.uuid() });
export const storeInstanceSchema = z.object({ storeId: z.uuid(), instanceId: z.uuid() });

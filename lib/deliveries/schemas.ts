import { z } from 'zod';

export const confirmSendSchema = z.object({ configId: z.uuid() });
export const runIdSchema = z.object({ runId: z.uuid() });
export const confirmEachRunSchema = z.object({ configId: z.uuid(), on: z.boolean() });

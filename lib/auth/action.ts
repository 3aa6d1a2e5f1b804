import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import type { Actor } from './permissions';
import { actorOrThrow } from './session';

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; code: string; fieldErrors?: Record<string, string[]> };

/** The initial state for forms driven by useActionState. */
export type FormState = ActionResult<unknown> | null;

function failure(e: unknown): ActionResult<never> {
  unstable_rethrow(e); // redirects and notFound() pass through
  if (e instanceof z.ZodError) {
    return { ok: false, code: 'VALIDATION', message: 'Confira os campos destacados.', fieldErrors: z.flattenError(e).fieldErrors as Record<string, string[]> };
  }
  if (isAppError(e)) return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
  logger.error({ err: e }, 'action failed');
  return { ok: false, code: 'INTERNAL', message: 'Algo deu errado do nosso lado. Tente novamente em instantes.' };
}

/**
 * The one way to write a server action: session → membership (actor) → zod → service.
 * Services check their own capability with assertCan, so no action can skip it.
 */
export function defineAction<S extends z.ZodType, T>(schema: S, run: (actor: Actor, input: z.output<S>) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const actor = await actorOrThrow();
      const data = await run(actor, schema.parse(input));
      return { ok: true, data };
    } catch (e) {
      return failure(e);
    }
  };
}

/** Same, for <form action> with useActionState: reads the FormData into an object first. */
export function defineFormAction<S extends z.ZodType, T>(schema: S, run: (actor: Actor, input: z.output<S>) => Promise<T>) {
  const action = defineAction(schema, run);
  return async (_prev: FormState, formData: FormData): Promise<ActionResult<T>> =>
    action(Object.fromEntries(formData) as z.input<S>);
}

/** For actions that run before there is an actor (sign-in, accepting an invite). */
export async function publicAction<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (e) {
    return failure(e);
  }
}

import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { isAppError } from '@/lib/errors';

/**
 * For pages under /<thing>/[id]: a malformed id or a NOT_FOUND from the domain (another tenant's
 * object included) renders the 404 page; anything else is a real error.
 */
export async function loadOrNotFound<T>(id: string, load: () => Promise<T>): Promise<T> {
  if (!z.uuid().safeParse(id).success) notFound();
  try {
    return await load();
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

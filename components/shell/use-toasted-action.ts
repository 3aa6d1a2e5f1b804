'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/auth/action';

export interface ToastedActionOptions<T> {
  /** The success toast, or a function of the action's data. */
  success: string | ((data: T) => string);
  /** Runs once the server answered, before the toast (closing a dialog, say). */
  settle?: () => void;
  /** Runs after a success, with the action's data. */
  then?: (data: T) => void;
  /** Re-renders the page's server components after the answer (default true). */
  refresh?: boolean;
}

/**
 * How a button runs a server action: pending while it runs, the answer toasted (a refusal with its
 * reason), the page refreshed. One place, so every control behaves the same.
 */
export function useToastedAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function run<T>(action: () => Promise<ActionResult<T>>, options: ToastedActionOptions<T>): void {
    startTransition(async () => {
      const result = await action();
      options.settle?.();
      if (result.ok) {
        toast.success(typeof options.success === 'function' ? options.success(result.data) : options.success);
        options.then?.(result.data);
      } else toast.error(result.message);
      if (options.refresh ?? true) router.refresh();
    });
  }
  return { pending, run };
}

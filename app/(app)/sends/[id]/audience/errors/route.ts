import { actorOrThrow } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { audienceErrorLines } from '@/lib/sends/queries';

/** The audience's error report: every rejected line with its number and reason, as a CSV download. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await actorOrThrow();
    const id = (await params).id;
    const lines = audienceErrorLines(actor, id);
    const first = await lines.next(); // runs the permission and tenant checks before the response starts
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (!first.done) controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return new Response(body, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="erros-${id}.csv"` },
    });
  } catch (e) {
    if (isAppError(e)) return new Response(e.message, { status: e.status });
    throw e;
  }
}

import { authenticateStore } from '@/lib/api/store-auth';
import { apiRoute, json, parseJsonBody, readRawBody } from '@/lib/api/respond';
import { acceptEvents } from '@/lib/events/ingest';
import { eventInputSchema } from '@/lib/events/schemas';

export const dynamic = 'force-dynamic';

/** One event, real-time queue (rtEventsProcessing). */
export const POST = apiRoute(async (request: Request) => {
  const raw = await readRawBody(request);
  const store = await authenticateStore(request, raw);
  const event = eventInputSchema.parse(parseJsonBody(raw));
  const ids = await acceptEvents(store, [event], 'rt');
  return json({ ids }, 202);
});

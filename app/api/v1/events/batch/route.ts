import { authenticateStore } from '@/lib/api/store-auth';
import { apiRoute, json, parseJsonBody, readRawBody } from '@/lib/api/respond';
import { acceptEvents } from '@/lib/events/ingest';
import { eventBatchSchema } from '@/lib/events/schemas';

export const dynamic = 'force-dynamic';

/** Up to 1,000 events, batch queue (batchEventsProcessing); all accepted or none. */
export const POST = apiRoute(async (request: Request) => {
  const raw = await readRawBody(request);
  const store = await authenticateStore(request, raw);
  const { events } = eventBatchSchema.parse(parseJsonBody(raw));
  const ids = await acceptEvents(store, events, 'batch');
  return json({ ids }, 202);
});

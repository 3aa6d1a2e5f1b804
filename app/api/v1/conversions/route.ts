import { apiRoute, json, parseJsonBody, readRawBody } from '@/lib/api/respond';
import { authenticateStore } from '@/lib/api/store-auth';
import { acceptConversions } from '@/lib/conversions/service';
import { conversionBodySchema } from '@/lib/conversions/schemas';

export const dynamic = 'force-dynamic';

/** One conversion event or an array of up to 1,000; each goes to every active destination of the store. */
export const POST = apiRoute(async (request: Request) => {
  const raw = await readRawBody(request);
  const store = await authenticateStore(request, raw);
  const body = conversionBodySchema.parse(parseJsonBody(raw));
  const result = await acceptConversions(store, Array.isArray(body) ? body : [body]);
  return json(result, 202);
});

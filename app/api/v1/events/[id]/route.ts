import { authenticateStore } from '@/lib/api/store-auth';
import { apiRoute, json } from '@/lib/api/respond';
import { getEventViewForStore } from '@/lib/events/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const store = await authenticateStore(request, '');
  return json(await getEventViewForStore(store, (await params).id));
});

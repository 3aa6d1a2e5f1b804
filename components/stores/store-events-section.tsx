import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EventsTable } from '@/components/events/events-table';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import { recentStoreEvents } from '@/lib/events/list';

/** "Eventos recentes" of one store, linking to /events filtered by it. */
export async function StoreEventsSection({ actor, storeId }: { actor: Actor; storeId: string }) {
  const [t, rows] = await Promise.all([getTranslations('events'), recentStoreEvents(actor, storeId)]);
  return (
    <Card className="gap-4" data-testid="store-events">
      <CardHeader>
        <CardTitle>
          <h2>{t('recent')}</h2>
        </CardTitle>
        <CardDescription>{t('recentHelp')}</CardDescription>
        <CardAction>
          <Button asChild variant="outline" size="sm">
            <Link href={`/events?store=${storeId}&period=all`}>{t('allEvents')}</Link>
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent>{rows.length === 0 ? <p className="text-sm text-muted-foreground">{t('recentEmpty')}</p> : <EventsTable rows={rows} compact />}</CardContent>
    </Card>
  );
}

import { getTranslations } from 'next-intl/server';
import { DestinationControls } from '@/components/conversions/destination-controls';
import { DestinationDialog } from '@/components/conversions/destination-dialog';
import { Badge } from '@/components/ui/badge';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { can, type Actor } from '@/lib/auth/permissions';
import { listStoreDestinations } from '@/lib/conversions/queries';

/** "Destinos de conversão" on the store page: Meta / HTTP / sandbox destinations, their test and mappings. */
export async function ConversionDestinationsSection({ actor, storeId }: { actor: Actor; storeId: string }) {
  const [t, destinations] = await Promise.all([getTranslations('conversions.destinations'), listStoreDestinations(actor, storeId)]);
  const edit = can(actor.role, 'editContent');
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>
          <h2>{t('title')}</h2>
        </CardTitle>
        <CardDescription>{edit ? t('help') : t('readOnly')}</CardDescription>
        {edit && (
          <CardAction>
            <DestinationDialog storeId={storeId} />
          </CardAction>
        )}
      </CardHeader>
      <CardContent>
        {destinations.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('empty')}</p>
        ) : (
          <ul className="flex flex-col divide-y">
            {destinations.map((d) => (
              <li key={d.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0" data-testid={`destination-${d.name}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{d.name}</span>
                  <Badge variant="outline">{t(`kinds.${d.kind}`)}</Badge>
                  <Badge variant={d.active ? 'success' : 'secondary'}>{d.active ? t('active') : t('inactive')}</Badge>
                </div>
                <p className="text-xs text-muted-foreground">
                  {[
                    d.kind === 'meta' ? `${t('pixelId')}: ${String(d.config.pixelId)}` : d.kind === 'http' ? String(d.config.url) : t(`modes.${(d.config.mode as 'success') ?? 'success'}`),
                    d.maskedSecret ? t('token', { masked: d.maskedSecret }) : null,
                    d.mappings.length ? d.mappings.map((m) => `${m.storeEventType} → ${m.eventName}`).join(', ') : t('noMappings'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {edit && (
                  <div className="flex flex-wrap gap-2">
                    <DestinationDialog storeId={storeId} destination={d} />
                    <DestinationControls destination={d} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { InstanceStatusBadge } from '@/components/instances/instance-status-badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ConnectInstanceForm, DisconnectInstanceButton } from './store-instance-controls';

interface InstanceItem {
  id: string;
  name: string;
  phoneNumber: string;
  status: 'connected' | 'disconnected';
  paused: boolean;
  queuedCount: number;
  sendIntervalMs: number;
}

/** "Instâncias conectadas": the store's instances with their queue sizes; connect and disconnect. */
export async function StoreInstancesSection({ storeId, instances, available, canConnect }: { storeId: string; instances: InstanceItem[]; available: InstanceItem[]; canConnect: boolean }) {
  const [t, it, format] = await Promise.all([getTranslations('stores'), getTranslations('instances'), getFormatter()]);
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>
          <h2>{t('connectedInstances')}</h2>
        </CardTitle>
        <CardDescription>{t('connectedInstancesHelp')}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {instances.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('noInstances')}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t('instance')}</TableHead>
                <TableHead>{t('status')}</TableHead>
                <TableHead className="hidden sm:table-cell">{t('interval')}</TableHead>
                <TableHead>{t('queue')}</TableHead>
                {canConnect && (
                  <TableHead className="text-right">
                    <span className="sr-only">{t('actions')}</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {instances.map((i) => (
                <TableRow key={i.id} data-testid={`store-instance-${i.name}`}>
                  <TableCell className="font-medium">
                    <Link href={`/instances/${i.id}`} className="hover:underline">
                      {i.name}
                    </Link>
                    <div className="text-xs font-normal text-muted-foreground">{i.phoneNumber}</div>
                  </TableCell>
                  <TableCell>
                    <InstanceStatusBadge status={i.status} paused={i.paused} />
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">{it('intervalValue', { seconds: format.number(i.sendIntervalMs / 1000, { maximumFractionDigits: 3 }) })}</TableCell>
                  <TableCell className="tabular-nums">
                    <Link href={`/instances/${i.id}/queue`} className="text-primary hover:underline" title={it('queueLink')}>
                      {i.queuedCount}
                    </Link>
                  </TableCell>
                  {canConnect && (
                    <TableCell className="text-right">
                      <DisconnectInstanceButton storeId={storeId} instance={i} />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {canConnect ? (
          <ConnectInstanceForm storeId={storeId} available={available} />
        ) : (
          <p className="text-sm text-muted-foreground">{t('connectForbidden')}</p>
        )}
      </CardContent>
    </Card>
  );
}

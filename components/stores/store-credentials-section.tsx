import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getMaskedCredentials } from '@/lib/api/credentials';
import { curlExamples } from '@/lib/api/curl-examples';
import { can, type Actor } from '@/lib/auth/permissions';
import { CopyButton, StoreCredentialsControls } from './store-credentials-controls';

async function baseUrl(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  return `${h.get('x-forwarded-proto') ?? 'http'}://${host}`;
}

/** "Credenciais da API": masked key and secret, "Rotacionar", and curl examples for the endpoints. */
export async function StoreCredentialsSection({ actor, storeId }: { actor: Actor; storeId: string }) {
  const [t, format, creds, url] = await Promise.all([getTranslations('events.credentials'), getFormatter(), getMaskedCredentials(actor, storeId), baseUrl()]);
  const manage = can(actor.role, 'manageInstances');
  const examples = curlExamples(url, storeId);
  const rows: [string, string][] = [[t('storeId'), storeId]];
  if (creds) rows.push([t('apiKey'), creds.apiKey], [t('webhookSecret'), creds.webhookSecret]);
  return (
    <Card className="gap-4" data-testid="store-credentials">
      <CardHeader>
        <CardTitle>
          <h2>{t('title')}</h2>
        </CardTitle>
        <CardDescription>{t('help')}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {manage && (
          <div>
            <StoreCredentialsControls storeId={storeId} hasCredentials={creds !== null} />
          </div>
        )}
        {!creds && <p className="text-sm text-muted-foreground">{t('none')}</p>}
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="font-mono text-xs break-all">{value}</dd>
            </div>
          ))}
        </dl>
        {creds && (
          <p className="text-xs text-muted-foreground">
            {creds.rotatedAt ? t('rotatedAt', { date: format.dateTime(creds.rotatedAt, { dateStyle: 'short', timeStyle: 'short' }) }) : t('createdAt', { date: format.dateTime(creds.createdAt, { dateStyle: 'short', timeStyle: 'short' }) })}
          </p>
        )}
        <details className="rounded-md border p-3">
          <summary className="cursor-pointer text-sm font-medium">{t('examples')}</summary>
          <div className="mt-3 flex flex-col gap-4">
            {(
              [
                ['exampleSingle', examples.single],
                ['exampleBatch', examples.batch],
                ['exampleSigned', examples.signed],
                ['exampleStatus', examples.status],
              ] as const
            ).map(([key, code]) => (
              <div key={key} className="flex flex-col gap-2">
                <div className="flex items-center justify-between gap-2">
                  <h3 className="text-sm">{t(key)}</h3>
                  <CopyButton value={code} label={t(key)} />
                </div>
                <pre tabIndex={0} aria-label={t(key)} className="overflow-x-auto rounded-md bg-muted p-3 text-xs">
                  {code}
                </pre>
              </div>
            ))}
            <Link href="/api/v1/openapi.json" className="text-sm underline" prefetch={false}>
              {t('openapi')}
            </Link>
          </div>
        </details>
      </CardContent>
    </Card>
  );
}

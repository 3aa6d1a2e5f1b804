import { SIGNATURE_HEADER } from '@/lib/signature';

const SAMPLE = {
  externalId: 'pedido-1001-pago',
  type: 'order_paid',
  occurredAt: '2026-11-23T12:00:00Z',
  contact: { phone: '+5511987654321', name: 'Ana Souza' },
  data: { order: { id: '1001', total: 'R$ 189,90' } },
};

/** Copy-paste curl commands for a store's endpoints; secrets stay in shell variables. */
export function curlExamples(baseUrl: string, storeId: string) {
  const body = JSON.stringify(SAMPLE);
  const batch = JSON.stringify({ events: [SAMPLE, { ...SAMPLE, externalId: 'pedido-1002-pago', contact: { phone: '+5521998765432' } }] });
  return {
    single: [
      `curl -X POST ${baseUrl}/api/v1/events \\`,
      `  -H "Authorization: Bearer $POMBO_API_KEY" \\`,
      `  -H "Content-Type: application/json" \\`,
      `  -d '${body}'`,
    ].join('\n'),
    batch: [
      `curl -X POST ${baseUrl}/api/v1/events/batch \\`,
      `  -H "Authorization: Bearer $POMBO_API_KEY" \\`,
      `  -H "Content-Type: application/json" \\`,
      `  -d '${batch}'`,
    ].join('\n'),
    signed: [
      `BODY='${body}'`,
      `TS=$(date +%s)`,
      `SIG=$(printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$POMBO_WEBHOOK_SECRET" | cut -d' ' -f2)`,
      `curl -X POST ${baseUrl}/api/v1/events \\`,
      `  -H "Content-Type: application/json" \\`,
      `  -H "X-Pombo-Store: ${storeId}" \\`,
      `  -H "${SIGNATURE_HEADER}: t=$TS,v1=$SIG" \\`,
      `  -d "$BODY"`,
    ].join('\n'),
    status: `curl ${baseUrl}/api/v1/events/<id> -H "Authorization: Bearer $POMBO_API_KEY"`,
  };
}

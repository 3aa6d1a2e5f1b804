import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';

/** Conectada / Pausada / Desconectada, the same everywhere an instance is listed. */
export function InstanceStatusBadge({ status, paused }: { status: 'connected' | 'disconnected'; paused: boolean }) {
  const t = useTranslations('instances');
  if (status === 'disconnected') return <Badge variant="outline">{t('state.disconnected')}</Badge>;
  if (paused) return <Badge variant="warning">{t('state.paused')}</Badge>;
  return <Badge variant="success">{t('state.connected')}</Badge>;
}

/** Seconds as a person writes them ("2,5 s"), from the stored milliseconds. */
export function useIntervalLabel() {
  const t = useTranslations('instances');
  const format = useFormatter();
  return (ms: number) => t('intervalValue', { seconds: format.number(ms / 1000, { maximumFractionDigits: 3 }) });
}

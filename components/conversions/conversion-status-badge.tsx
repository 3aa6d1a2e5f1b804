import { useTranslations } from 'next-intl';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { ConversionStatus } from '@/lib/conversions/states';

const VARIANT: Record<ConversionStatus, BadgeProps['variant']> = {
  sending: 'secondary',
  succeeded: 'success',
  failed: 'destructive',
  waiting_retry: 'warning',
  resending: 'outline',
};

/** The seed's status label ("Esperando Retentativa", …) with a color per status. */
export function ConversionStatusBadge({ status }: { status: ConversionStatus }) {
  const t = useTranslations('conversions');
  return (
    <Badge variant={VARIANT[status]} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { EventStatus } from '@/lib/events/schemas';

const VARIANT: Record<EventStatus, 'secondary' | 'outline' | 'success' | 'warning' | 'destructive'> = {
  pending: 'secondary',
  pending_delivery: 'outline',
  sent: 'success',
  ignored: 'warning',
  failed: 'destructive',
  not_considered: 'secondary',
};

/** One of SPEC §3's six labels, with its meaning as the tooltip text. */
export function EventStatusBadge({ status }: { status: EventStatus }) {
  const t = useTranslations('events');
  return (
    <Badge variant={VARIANT[status]} title={t(`statusHelp.${status}`)} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

import { useTranslations } from 'next-intl';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { SendState } from '@/lib/sends/states';

const VARIANT: Record<SendState, BadgeProps['variant']> = {
  draft: 'outline',
  awaiting_confirmation: 'warning',
  scheduled: 'secondary',
  processing: 'warning',
  in_progress: 'default',
  done: 'success',
  failed: 'destructive',
  aborted: 'outline',
  cancelled: 'outline',
};

export function SendStateBadge({ state }: { state: SendState }) {
  const t = useTranslations('sends.state');
  return <Badge variant={VARIANT[state]}>{t(state)}</Badge>;
}

'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { SEND_STATES, type SendState } from '@/lib/sends/states';

const ALL = 'all';

/** "Estado de Envio": filters the list through the URL (?state=…). */
export function SendStateFilter({ value }: { value: SendState | undefined }) {
  const t = useTranslations('sends');
  const router = useRouter();
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <Label htmlFor="send-state-filter">{t('stateFilter')}</Label>
      <Select value={value ?? ALL} onValueChange={(v) => router.push(v === ALL ? '/sends' : `/sends?state=${v}`)}>
        <SelectTrigger id="send-state-filter" className="w-full sm:w-60" aria-label={t('stateFilter')}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>{t('allStates')}</SelectItem>
          {SEND_STATES.map((s) => (
            <SelectItem key={s} value={s}>
              {t(`state.${s}`)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}

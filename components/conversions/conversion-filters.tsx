'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { CONVERSION_STATUSES } from '@/lib/conversions/states';

const ALL = 'all';

/** Status, destination, store and period; every change goes to the URL (the page re-reads it). */
export function ConversionFilters({ destinations, stores }: { destinations: { id: string; name: string; storeName: string }[]; stores: { id: string; name: string }[] }) {
  const t = useTranslations('conversions');
  const router = useRouter();
  const params = useSearchParams();
  const set = (key: string, value: string) => {
    const q = new URLSearchParams(params);
    q.delete('cursor');
    if (value && value !== ALL) q.set(key, value);
    else q.delete(key);
    const s = q.toString();
    router.push(s ? `/conversions?${s}` : '/conversions');
  };
  const select = (key: string, label: string, options: { value: string; label: string }[]) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`filter-${key}`}>{label}</Label>
      <Select value={params.get(key) ?? ALL} onValueChange={(v) => set(key, v)}>
        <SelectTrigger id={`filter-${key}`} className="w-full sm:w-48" aria-label={label}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>{t('all')}</SelectItem>
          {options.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
  const date = (key: 'from' | 'to', label: string) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`filter-${key}`}>{label}</Label>
      <Input id={`filter-${key}`} type="date" className="w-full sm:w-40" defaultValue={params.get(key) ?? ''} onChange={(e) => set(key, e.currentTarget.value)} />
    </div>
  );
  return (
    <section aria-label={t('filters')} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
      {select('status', t('filterStatus'), CONVERSION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })))}
      {select('destinationId', t('filterDestination'), destinations.map((d) => ({ value: d.id, label: `${d.name} · ${d.storeName}` })))}
      {select('storeId', t('filterStore'), stores.map((s) => ({ value: s.id, label: s.name })))}
      {date('from', t('filterFrom'))}
      {date('to', t('filterTo'))}
      {params.size > 0 && (
        <Button variant="ghost" onClick={() => router.push('/conversions')}>
          {t('clear')}
        </Button>
      )}
    </section>
  );
}

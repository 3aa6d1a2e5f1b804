'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { EVENT_STATUSES } from '@/lib/events/schemas';

const ALL = '__all';
const PERIODS = ['24h', '7d', '30d', 'all'] as const;

export interface FilterValues {
  status?: string;
  type?: string;
  store?: string;
  period: string;
}

/** Status, type, store and period; "Filtrar" applies them to the URL (the server page reads it). */
export function EventsFilters({ values, types, stores }: { values: FilterValues; types: string[]; stores: { id: string; name: string }[] }) {
  const t = useTranslations('events');
  const router = useRouter();
  const [state, setState] = useState({ status: values.status ?? ALL, type: values.type ?? ALL, store: values.store ?? ALL, period: values.period });
  const apply = () => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(state)) if (v !== ALL && !(k === 'period' && v === '7d')) q.set(k, v);
    router.push(`/events${q.size ? `?${q}` : ''}`);
  };
  const field = (key: keyof typeof state, label: string, options: { value: string; label: string }[]) => (
    <div className="flex min-w-0 flex-col gap-1.5">
      <Label htmlFor={`filter-${key}`}>{label}</Label>
      <Select value={state[key]} onValueChange={(v) => setState((s) => ({ ...s, [key]: v }))}>
        <SelectTrigger id={`filter-${key}`} aria-label={label} className="w-full">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {options.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
  return (
    <form
      aria-label={t('filters')}
      className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      {field('status', t('filterStatus'), [{ value: ALL, label: t('any') }, ...EVENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))])}
      {field('type', t('filterType'), [{ value: ALL, label: t('any') }, ...types.map((x) => ({ value: x, label: x }))])}
      {field('store', t('filterStore'), [{ value: ALL, label: t('anyStore') }, ...stores.map((s) => ({ value: s.id, label: s.name }))])}
      {field('period', t('filterPeriod'), PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) })))}
      <Button type="submit">{t('apply')}</Button>
    </form>
  );
}

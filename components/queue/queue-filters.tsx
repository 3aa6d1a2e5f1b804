'use client';

import { Search } from 'lucide-react';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { QUEUE_FILTERS, type QueueFilter } from '@/lib/queue/states';

/** State filter + recipient search; "Buscar" applies both (and goes back to the first page). */
export function QueueFilters({ filter, q }: { filter: QueueFilter; q: string }) {
  const t = useTranslations('queue');
  const router = useRouter();
  const pathname = usePathname();
  const [state, setState] = useState<QueueFilter>(filter);
  const [text, setText] = useState(q);
  return (
    <form
      role="search"
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        const params = new URLSearchParams({ estado: state });
        if (text.trim()) params.set('q', text.trim());
        router.push(`${pathname}?${params}`);
      }}
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor="queue-state">{t('stateFilter')}</Label>
        <Select value={state} onValueChange={(v) => setState(v as QueueFilter)}>
          <SelectTrigger id="queue-state" className="w-full sm:w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {QUEUE_FILTERS.map((f) => (
              <SelectItem key={f} value={f}>
                {t(`filters.${f}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex flex-1 flex-col gap-2">
        <Label htmlFor="queue-search">{t('search')}</Label>
        <Input id="queue-search" type="search" inputMode="tel" placeholder={t('searchPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <Button type="submit">
        <Search aria-hidden /> {t('apply')}
      </Button>
    </form>
  );
}

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { cn } from '@/lib/utils';

/** The instance's sections: its page and "Fila de envios". */
export function InstanceNav({ instanceId, current }: { instanceId: string; current: 'overview' | 'queue' }) {
  const t = useTranslations('instances');
  const items = [
    { key: 'overview', href: `/instances/${instanceId}`, label: t('overview') },
    { key: 'queue', href: `/instances/${instanceId}/queue`, label: t('queueLink') },
  ] as const;
  return (
    <nav aria-label={t('subnav')} className="flex gap-1 overflow-x-auto border-b">
      {items.map((i) => (
        <Link
          key={i.key}
          href={i.href}
          aria-current={current === i.key ? 'page' : undefined}
          className={cn(
            '-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors',
            current === i.key ? 'border-primary text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground',
          )}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

export function StoresTable({ stores }: { stores: { id: string; name: string; instances: number; queued: number }[] }) {
  const t = useTranslations('stores');
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t('name')}</TableHead>
          <TableHead>{t('instances')}</TableHead>
          <TableHead>{t('queued')}</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">{t('actions')}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {stores.map((s) => (
          <TableRow key={s.id} data-testid={`store-${s.name}`}>
            <TableCell className="font-medium whitespace-normal">
              <Link href={`/stores/${s.id}`} className="hover:underline">
                {s.name}
              </Link>
            </TableCell>
            <TableCell className="tabular-nums">{s.instances}</TableCell>
            <TableCell className="tabular-nums">{s.queued}</TableCell>
            <TableCell className="text-right">
              <Button asChild variant="outline" size="sm">
                <Link href={`/stores/${s.id}`} aria-label={`${t('open')}: ${s.name}`}>
                  {t('open')}
                </Link>
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

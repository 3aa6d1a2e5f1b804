'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/shell/confirm-button';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { deleteTemplateAction } from '@/lib/templates/actions';

export interface TemplateItem {
  id: string;
  name: string;
  storeName: string | null;
  eventType: string;
  body: string;
  active: boolean;
  updatedAt: Date;
}

export function TemplatesTable({ rows, canEdit }: { rows: TemplateItem[]; canEdit: boolean }) {
  const t = useTranslations('templates');
  const format = useFormatter();
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t('name')}</TableHead>
          <TableHead>{t('eventType')}</TableHead>
          <TableHead className="hidden md:table-cell">{t('store')}</TableHead>
          <TableHead>{t('status')}</TableHead>
          <TableHead className="hidden lg:table-cell">{t('updated')}</TableHead>
          {canEdit && (
            <TableHead className="text-right">
              <span className="sr-only">{t('actions')}</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id} data-testid={`template-${r.name}`}>
            <TableCell className="max-w-48 font-medium">
              <Link href={`/templates/${r.id}`} className="block break-words hover:underline">
                {r.name}
              </Link>
              <div className="truncate text-xs font-normal text-muted-foreground">{r.body}</div>
            </TableCell>
            <TableCell className="font-mono text-xs break-all">{r.eventType}</TableCell>
            <TableCell className="hidden md:table-cell">{r.storeName ?? t('allStores')}</TableCell>
            <TableCell>
              <Badge variant={r.active ? 'success' : 'secondary'}>{r.active ? t('active') : t('inactive')}</Badge>
            </TableCell>
            <TableCell className="hidden lg:table-cell">{format.dateTime(r.updatedAt, { dateStyle: 'short', timeStyle: 'short' })}</TableCell>
            {canEdit && (
              <TableCell className="text-right">
                <ConfirmButton
                  label={t('delete')}
                  title={t('deleteTitle', { name: r.name })}
                  description={t('deleteDescription')}
                  confirmLabel={t('deleteConfirm')}
                  successMessage={t('deleted')}
                  onConfirm={() => deleteTemplateAction({ templateId: r.id })}
                  variant="outline"
                />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

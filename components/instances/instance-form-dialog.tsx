'use client';

import { Pencil, Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { BLANK_INSTANCE, InstanceForm, type InstanceFormValues } from './instance-form';

/** "Nova instância" (no values) or "Editar" (the instance's values), in a dialog with a fresh form each time. */
export function InstanceFormDialog({ values, stores }: { values?: InstanceFormValues; stores: { id: string; name: string }[] }) {
  const t = useTranslations('instances');
  const [open, setOpen] = useState(false);
  const editing = Boolean(values);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={editing ? 'outline' : 'default'}>
          {editing ? <Pencil aria-hidden /> : <Plus aria-hidden />} {editing ? t('edit') : t('new')}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{editing ? t('editTitle') : t('new')}</DialogTitle>
          <DialogDescription>{editing ? t('editDescription') : t('newDescription')}</DialogDescription>
        </DialogHeader>
        {open && <InstanceForm values={values ?? BLANK_INSTANCE} stores={stores} onSaved={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

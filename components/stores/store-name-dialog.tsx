'use client';

import { Pencil, Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Field } from '@/components/shell/field';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import type { FormState } from '@/lib/auth/action';
import { createStoreAction, renameStoreAction } from '@/lib/stores/actions';

/** "Nova loja" (no store) or "Renomear" (a store), one name field with its zod error. */
export function StoreNameDialog({ store }: { store?: { id: string; name: string } }) {
  const t = useTranslations('stores');
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={store ? 'outline' : 'default'} size={store ? 'sm' : 'default'}>
          {store ? <Pencil aria-hidden /> : <Plus aria-hidden />} {store ? t('rename') : t('new')}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{store ? t('renameTitle') : t('new')}</DialogTitle>
          <DialogDescription>{store ? store.name : t('newDescription')}</DialogDescription>
        </DialogHeader>
        {open && <StoreNameForm store={store} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function StoreNameForm({ store, onDone }: { store?: { id: string; name: string }; onDone: () => void }) {
  const t = useTranslations('stores');
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<FormState, FormData>(store ? renameStoreAction : createStoreAction, null);
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(store ? t('renamed') : t('created'));
      onDone();
      if (!store) router.push(`/stores/${(state.data as { id: string }).id}`);
    } else if (!state.fieldErrors) toast.error(state.message);
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps -- once per answer
  const errors = state && !state.ok ? state.fieldErrors?.name : undefined;
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      {store && <input type="hidden" name="storeId" value={store.id} />}
      <Field id="store-name" label={t('name')} errors={errors}>
        <Input id="store-name" name="name" defaultValue={store?.name ?? ''} autoComplete="off" aria-invalid={Boolean(errors)} />
      </Field>
      <DialogFooter>
        <Button type="submit" disabled={pending}>
          {store ? t('save') : t('create')}
        </Button>
      </DialogFooter>
    </form>
  );
}

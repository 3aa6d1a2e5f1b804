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
import { IssuedCredentialsFields } from './store-credentials-controls';
import type { IssuedCredentials } from '@/lib/api/credentials';
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
  const credentials = useTranslations('events.credentials');
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<FormState, FormData>(store ? renameStoreAction : createStoreAction, null);
  const [created, setCreated] = useState<{ id: string; credentials: IssuedCredentials } | null>(null);
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(store ? t('renamed') : t('created'));
      if (store) onDone();
      else setCreated(state.data as { id: string; credentials: IssuedCredentials });
    } else if (!state.fieldErrors) toast.error(state.message);
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps -- once per answer
  if (created) {
    // The new store's credentials are shown here once; the store page only shows them masked.
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm text-muted-foreground">{credentials('issued')}</p>
        <IssuedCredentialsFields issued={created.credentials} />
        <DialogFooter>
          <Button
            onClick={() => {
              onDone();
              router.push(`/stores/${created.id}`);
            }}
          >
            {credentials('done')}
          </Button>
        </DialogFooter>
      </div>
    );
  }
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

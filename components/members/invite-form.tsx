'use client';

import { Copy, UserPlus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Field } from '@/components/shell/field';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { inviteMemberAction } from '@/lib/members/actions';
import { RoleSelect } from './role-select';

export function InviteForm() {
  const t = useTranslations('members');
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0); // a fresh form each time the dialog opens
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setRound((r) => r + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden /> {t('invite')}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('invite')}</DialogTitle>
          <DialogDescription>{t('inviteDescription')}</DialogDescription>
        </DialogHeader>
        <InviteBody key={round} />
      </DialogContent>
    </Dialog>
  );
}

function InviteBody() {
  const t = useTranslations('members');
  const [state, action, pending] = useActionState(inviteMemberAction, null);
  const [email, setEmail] = useState(''); // controlled: React resets the form after each submit
  const [role, setRole] = useState<'owner' | 'operator' | 'editor' | 'viewer'>('operator');

  useEffect(() => {
    if (state?.ok) toast.success(t('inviteCreated'));
    else if (state && !state.fieldErrors) toast.error(state.message);
  }, [state, t]);

  if (state?.ok) {
    const link = `${window.location.origin}${state.data.path}`;
    return (
      <div className="flex flex-col gap-2">
        <Field id="invite-link" label={t('inviteLink')}>
          <Input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </Field>
        <Button
          variant="outline"
          onClick={async () => {
            await navigator.clipboard?.writeText(link).catch(() => {});
            toast.success(t('copied'));
          }}
        >
          <Copy aria-hidden /> {t('copy')}
        </Button>
      </div>
    );
  }
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Field id="invite-email" label={t('inviteEmail')} errors={fieldErrors?.email}>
        <Input id="invite-email" name="email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={Boolean(fieldErrors?.email)} />
      </Field>
      <Field id="invite-role" label={t('inviteRole')} errors={fieldErrors?.role}>
        <RoleSelect id="invite-role" name="role" value={role} onValueChange={setRole} label={t('inviteRole')} />
      </Field>
      <DialogFooter>
        <Button type="submit" disabled={pending}>
          {t('inviteSubmit')}
        </Button>
      </DialogFooter>
    </form>
  );
}

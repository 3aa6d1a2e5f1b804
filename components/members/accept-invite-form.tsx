'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Field } from '@/components/shell/field';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { acceptInviteAction } from '@/lib/members/actions';

export function AcceptInviteForm({ token, hasAccount }: { token: string; hasAccount: boolean }) {
  const t = useTranslations('invite');
  const [state, action, pending] = useActionState(acceptInviteAction, null);
  const [name, setName] = useState(''); // controlled: React resets the form after each submit
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm" data-testid="invite-accepted">
          {t('accepted')}
        </p>
        <Button asChild>
          <Link href="/login">{t('goToLogin')}</Link>
        </Button>
      </div>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {hasAccount && <p className="text-sm text-muted-foreground">{t('existingUser')}</p>}
      <Field id="invite-name" label={t('name')} errors={errors?.name}>
        <Input id="invite-name" name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} aria-invalid={Boolean(errors?.name)} />
      </Field>
      <Field id="invite-password" label={t('password')} help={t('passwordHelp')} errors={errors?.password}>
        <Input id="invite-password" name="password" type="password" autoComplete={hasAccount ? 'current-password' : 'new-password'} required aria-invalid={Boolean(errors?.password)} />
      </Field>
      {state && !state.ok && !state.fieldErrors && <p className="text-sm text-destructive">{state.message}</p>}
      <Button type="submit" disabled={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}

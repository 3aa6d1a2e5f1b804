'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/shell/confirm-button';
import { revokeInviteAction } from '@/lib/members/actions';
import type { Role } from '@/lib/auth/permissions';

export function PendingInvites({ invites }: { invites: { id: string; email: string; role: Role; expiresAt: string }[] }) {
  const t = useTranslations('members');
  const shell = useTranslations('shell');
  const format = useFormatter();
  return (
    <section className="flex flex-col gap-3" aria-labelledby="pending-title">
      <h2 id="pending-title" className="text-lg font-semibold">
        {t('pending')}
      </h2>
      {invites.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('pendingEmpty')}</p>
      ) : (
        <ul className="divide-y rounded-md border">
          {invites.map((i) => (
            <li key={i.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between" data-testid={`invite-${i.email}`}>
              <div className="min-w-0">
                <div className="truncate font-medium">{i.email}</div>
                <div className="text-xs text-muted-foreground">
                  {shell(`role.${i.role}`)} · {t('expires', { date: format.dateTime(new Date(i.expiresAt), { dateStyle: 'short', timeStyle: 'short' }) })}
                </div>
              </div>
              <ConfirmButton
                label={t('revoke')}
                title={t('revoke')}
                description={i.email}
                confirmLabel={t('revoke')}
                onConfirm={() => revokeInviteAction({ inviteId: i.id })}
                successMessage={t('revoked')}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

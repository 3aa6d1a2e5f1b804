'use client';

import { useTranslations } from 'next-intl';
import type { AccountMembership } from '@/lib/auth/session';
import { AccountSwitcher } from './account-switcher';
import { NavLinks } from './nav-links';
import { UserMenu } from './user-menu';

export interface ShellProps {
  user: { name: string; email: string; isPlatformAdmin: boolean };
  current: AccountMembership;
  accounts: AccountMembership[];
}

export function SidebarContent({ user, current, accounts, onNavigate }: ShellProps & { onNavigate?: () => void }) {
  const t = useTranslations('shell');
  return (
    <div className="flex h-full flex-col gap-4">
      <AccountSwitcher current={current} accounts={accounts} />
      <div className="flex-1">
        <NavLinks showAdmin={user.isPlatformAdmin} onNavigate={onNavigate} />
      </div>
      <UserMenu name={user.name} email={user.email} roleLabel={t(`role.${current.role}`)} />
    </div>
  );
}

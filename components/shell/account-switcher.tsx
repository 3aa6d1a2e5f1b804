'use client';

import { ChevronsUpDown, Check } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { switchAccountAction } from '@/lib/auth/actions';
import type { AccountMembership } from '@/lib/auth/session';

export function AccountSwitcher({ current, accounts }: { current: AccountMembership; accounts: AccountMembership[] }) {
  const t = useTranslations('shell');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (accounts.length < 2) {
    return (
      <div className="rounded-md border px-3 py-2 text-sm">
        <div className="text-xs text-muted-foreground">{t('account')}</div>
        <div className="truncate font-medium">{current.accountName}</div>
      </div>
    );
  }
  const choose = (accountId: string) =>
    startTransition(async () => {
      const result = await switchAccountAction({ accountId });
      if (result.ok) {
        toast.success(t('accountSwitched', { name: result.data.name }));
        router.refresh();
      } else toast.error(result.message);
    });
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" className="h-auto w-full justify-between px-3 py-2" disabled={pending}>
          <span className="flex min-w-0 flex-col items-start text-left">
            <span className="text-xs font-normal text-muted-foreground">{t('account')}</span>
            <span className="truncate">{current.accountName}</span>
          </span>
          <span className="sr-only">{t('switchAccount')}</span>
          <ChevronsUpDown className="size-4 opacity-60" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>{t('switchAccount')}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {accounts.map((a) => (
          <DropdownMenuItem key={a.accountId} onSelect={() => choose(a.accountId)}>
            <span className="flex-1 truncate">{a.accountName}</span>
            <span className="text-xs text-muted-foreground">{t(`role.${a.role}`)}</span>
            {a.accountId === current.accountId && <Check className="size-4" aria-hidden />}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

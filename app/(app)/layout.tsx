import { AppShell } from '@/components/shell/app-shell';
import { getMemberships, getSessionUser, requireActor } from '@/lib/auth/session';

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const user = (await getSessionUser())!;
  const accounts = await getMemberships(user.id);
  const current = accounts.find((a) => a.accountId === actor.accountId)!;
  return (
    <AppShell user={user} current={current} accounts={accounts}>
      {children}
    </AppShell>
  );
}

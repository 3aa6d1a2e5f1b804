import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AcceptInviteForm } from '@/components/members/accept-invite-form';
import { Brand } from '@/components/shell/brand';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { findOpenInvite } from '@/lib/members/service';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, shell] = await Promise.all([getTranslations('invite'), getTranslations('shell')]);
  const invite = await findOpenInvite(token);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <Brand />
      {invite ? (
        <Card className="w-full max-w-sm">
          <CardHeader>
            <CardTitle>
              <h1>{t('title', { account: invite.accountName })}</h1>
            </CardTitle>
            <CardDescription>{t('description', { role: shell(`role.${invite.role}`), email: invite.email })}</CardDescription>
          </CardHeader>
          <CardContent>
            <AcceptInviteForm token={token} hasAccount={invite.hasAccount} />
          </CardContent>
        </Card>
      ) : (
        <EmptyState className="w-full max-w-sm bg-background" title={t('invalidTitle')} description={t('invalidDescription')}>
          <Button asChild>
            <Link href="/login">{t('goToLogin')}</Link>
          </Button>
        </EmptyState>
      )}
    </main>
  );
}

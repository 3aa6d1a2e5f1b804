import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CapabilitiesTable } from '@/components/members/capabilities-table';
import { InviteForm } from '@/components/members/invite-form';
import { MembersTable } from '@/components/members/members-table';
import { PendingInvites } from '@/components/members/pending-invites';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { listMembers, listPendingInvites } from '@/lib/members/queries';

export const metadata: Metadata = { title: 'Membros' };

export default async function MembersPage() {
  const actor = await requireActor();
  const t = await getTranslations('members');
  const manage = can(actor.role, 'manageMembers');
  const [members, invites] = await Promise.all([listMembers(actor), manage ? listPendingInvites(actor) : Promise.resolve([])]);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t('title')} description={manage ? t('description') : t('readOnly')} actions={manage ? <InviteForm /> : null} />
      <MembersTable members={members.map((m) => ({ ...m, since: m.since.toISOString() }))} currentUserId={actor.userId} canManage={manage} />
      {manage && <PendingInvites invites={invites.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))} />}
      <CapabilitiesTable />
    </div>
  );
}

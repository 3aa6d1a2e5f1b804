'use client';

import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/shell/confirm-button';
import { useToastedAction } from '@/components/shell/use-toasted-action';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { Role } from '@/lib/auth/permissions';
import { changeRoleAction, removeMemberAction } from '@/lib/members/actions';
import { RoleSelect } from './role-select';

interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

export function MembersTable({ members, currentUserId, canManage }: { members: Member[]; currentUserId: string; canManage: boolean }) {
  const t = useTranslations('members');
  const shell = useTranslations('shell');
  const { pending, run } = useToastedAction();
  const changeRole = (m: Member, role: Role) => run(() => changeRoleAction({ userId: m.userId, role }), { success: t('roleChanged'), refresh: false });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t('name')}</TableHead>
          <TableHead className="hidden sm:table-cell">{t('email')}</TableHead>
          <TableHead>{t('role')}</TableHead>
          {canManage && <TableHead className="text-right">{t('actions')}</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((m) => (
          <TableRow key={m.userId} data-testid={`member-${m.email}`}>
            <TableCell className="font-medium">
              {m.name} {m.userId === currentUserId && <span className="text-muted-foreground">({t('you')})</span>}
              <div className="text-xs font-normal text-muted-foreground sm:hidden">{m.email}</div>
            </TableCell>
            <TableCell className="hidden sm:table-cell">{m.email}</TableCell>
            <TableCell>
              {canManage ? (
                <RoleSelect value={m.role} label={t('changeRole', { name: m.name })} disabled={pending} onValueChange={(role) => changeRole(m, role)} />
              ) : (
                <Badge variant="secondary">{shell(`role.${m.role}`)}</Badge>
              )}
            </TableCell>
            {canManage && (
              <TableCell className="text-right">
                <ConfirmButton
                  label={t('remove')}
                  title={t('removeTitle', { name: m.name })}
                  description={t('removeDescription')}
                  confirmLabel={t('removeConfirm')}
                  onConfirm={() => removeMemberAction({ userId: m.userId })}
                  successMessage={t('removed')}
                />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { ROLES, type Role } from '@/lib/auth/permissions';

export function RoleSelect(props: {
  id?: string;
  name?: string;
  value?: Role;
  defaultValue?: Role;
  label: string;
  disabled?: boolean;
  onValueChange?: (role: Role) => void;
}) {
  const t = useTranslations('shell');
  return (
    <Select name={props.name} value={props.value} defaultValue={props.defaultValue} disabled={props.disabled} onValueChange={(v) => props.onValueChange?.(v as Role)}>
      <SelectTrigger id={props.id} aria-label={props.label} className="w-40">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {ROLES.map((r) => (
          <SelectItem key={r} value={r}>
            {t(`role.${r}`)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

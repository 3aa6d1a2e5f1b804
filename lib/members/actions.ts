'use server';

import { revalidatePath } from 'next/cache';
import { defineAction, defineFormAction, publicAction } from '@/lib/auth/action';
import { acceptInviteSchema, changeRoleSchema, inviteSchema, removeMemberSchema, revokeInviteSchema } from './schemas';
import { acceptInvite, changeRole, inviteMember, removeMember, revokeInvite } from './service';

const MEMBERS_PATH = '/settings/members';

export const inviteMemberAction = defineFormAction(inviteSchema, async (actor, input) => {
  const invite = await inviteMember(actor, input);
  revalidatePath(MEMBERS_PATH);
  return invite;
});

export const revokeInviteAction = defineAction(revokeInviteSchema, async (actor, { inviteId }) => {
  await revokeInvite(actor, inviteId);
  revalidatePath(MEMBERS_PATH);
});

export const changeRoleAction = defineAction(changeRoleSchema, async (actor, input) => {
  await changeRole(actor, input);
  revalidatePath(MEMBERS_PATH);
});

export const removeMemberAction = defineAction(removeMemberSchema, async (actor, { userId }) => {
  await removeMember(actor, userId);
  revalidatePath(MEMBERS_PATH);
});

export async function acceptInviteAction(_prev: unknown, formData: FormData) {
  return publicAction(() => acceptInvite(acceptInviteSchema.parse(Object.fromEntries(formData))));
}

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { ROLES, type Actor } from '@/lib/auth/permissions';
import { listMembers, listPendingInvites } from '@/lib/members/queries';
import { acceptInvite, changeRole, findOpenInvite, inviteMember, removeMember, revokeInvite } from '@/lib/members/service';
import { verifyCredentials } from '@/lib/auth/credentials';
import { TEST_PASSWORD, createTenant, createUser, addMember } from '../../support/factories';

let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;

beforeAll(async () => {
  tenant = await createTenant();
  other = await createTenant();
});

const email = () => `convidado-${Math.random().toString(36).slice(2)}@test.local`;

describe('members: who may do what', () => {
  it('every role can list members of its own account only', async () => {
    for (const role of ROLES) {
      const list = await listMembers(tenant.actors[role]);
      expect(list).toHaveLength(4);
      expect(list.map((m) => m.userId)).toContain(tenant.actors.owner.userId);
      expect(list.map((m) => m.userId)).not.toContain(other.actors.owner.userId);
    }
  });

  for (const role of ['operator', 'editor', 'viewer'] as const) {
    it(`${role} cannot invite, change roles, remove or see invites`, async () => {
      const actor = tenant.actors[role];
      await expect(inviteMember(actor, { email: email(), role: 'viewer' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(changeRole(actor, { userId: tenant.actors.viewer.userId, role: 'owner' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(removeMember(actor, tenant.actors.viewer.userId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(listPendingInvites(actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  }

  it("an owner acting on another tenant's member gets not-found and changes nothing", async () => {
    const owner = tenant.actors.owner;
    await expect(changeRole(owner, { userId: other.actors.viewer.userId, role: 'owner' })).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(removeMember(owner, other.actors.viewer.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await getDb().select().from(memberships).where(eq(memberships.userId, other.actors.viewer.userId));
    expect(row?.role).toBe('viewer');
  });

  it("an owner cannot revoke another tenant's invite", async () => {
    await inviteMember(other.actors.owner, { email: email(), role: 'viewer' });
    const [invite] = await listPendingInvites(other.actors.owner);
    await expect(revokeInvite(tenant.actors.owner, invite!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listPendingInvites(other.actors.owner)).toHaveLength(1);
  });
});

describe('members: the owner manages the account', () => {
  it('changes a role and removes a member', async () => {
    const t = await createTenant();
    await changeRole(t.actors.owner, { userId: t.actors.viewer.userId, role: 'editor' });
    expect((await listMembers(t.actors.owner)).find((m) => m.userId === t.actors.viewer.userId)?.role).toBe('editor');
    await removeMember(t.actors.owner, t.actors.viewer.userId);
    expect((await listMembers(t.actors.owner)).map((m) => m.userId)).not.toContain(t.actors.viewer.userId);
  });

  it('never leaves the account without an owner', async () => {
    const t = await createTenant();
    await expect(changeRole(t.actors.owner, { userId: t.actors.owner.userId, role: 'viewer' })).rejects.toMatchObject({ code: 'LAST_OWNER' });
    await expect(removeMember(t.actors.owner, t.actors.owner.userId)).rejects.toMatchObject({ code: 'LAST_OWNER' });
    await changeRole(t.actors.owner, { userId: t.actors.operator.userId, role: 'owner' });
    await changeRole(t.actors.owner, { userId: t.actors.owner.userId, role: 'viewer' });
  });

  it('refuses to invite someone who is already a member', async () => {
    const [member] = await getDb().select().from(users).where(eq(users.id, tenant.actors.viewer.userId));
    await expect(inviteMember(tenant.actors.owner, { email: member!.email, role: 'viewer' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('invites', () => {
  it('a new person accepts with a password and can then sign in', async () => {
    const address = email();
    const { token } = await inviteMember(tenant.actors.owner, { email: address, role: 'editor' });
    const open = await findOpenInvite(token);
    expect(open).toMatchObject({ email: address, role: 'editor', hasAccount: false });
    await acceptInvite({ token, name: 'Nova Pessoa', password: 'uma-senha-boa' });
    const members = await listMembers(tenant.actors.owner);
    expect(members.find((m) => m.email === address)?.role).toBe('editor');
    expect(await verifyCredentials({ email: address, password: 'uma-senha-boa' }, 'test-invite')).toMatchObject({ ok: true });
    // single use
    expect(await findOpenInvite(token)).toBeNull();
    await expect(acceptInvite({ token, name: 'De novo', password: 'uma-senha-boa' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an existing user must prove it is them with their current password', async () => {
    const existing = await createUser();
    const { token } = await inviteMember(tenant.actors.owner, { email: existing.email, role: 'viewer' });
    await expect(acceptInvite({ token, name: 'X', password: 'senha-errada-123' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await listMembers(tenant.actors.owner)).map((m) => m.email)).not.toContain(existing.email);
    await acceptInvite({ token, name: 'X', password: TEST_PASSWORD });
    expect((await listMembers(tenant.actors.owner)).map((m) => m.email)).toContain(existing.email);
  });

  it('a revoked invite can no longer be used', async () => {
    const { token } = await inviteMember(tenant.actors.owner, { email: email(), role: 'viewer' });
    const invite = (await listPendingInvites(tenant.actors.owner)).find(Boolean)!;
    await revokeInvite(tenant.actors.owner, invite.id);
    expect(await findOpenInvite(token)).toBeNull();
  });
});

describe('a user in several accounts', () => {
  it('has one role per account', async () => {
    const person = await createUser();
    await addMember(tenant.account.id, person.id, 'viewer');
    await addMember(other.account.id, person.id, 'operator');
    const asViewer: Actor = { userId: person.id, accountId: tenant.account.id, role: 'viewer', isPlatformAdmin: false };
    await expect(inviteMember(asViewer, { email: email(), role: 'viewer' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const roles = await getDb().select().from(memberships).where(eq(memberships.userId, person.id));
    expect(roles.map((r) => r.role).sort()).toEqual(['operator', 'viewer']);
  });
});

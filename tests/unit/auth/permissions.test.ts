import { describe, expect, it } from 'vitest';
import { CAPABILITIES, ROLES, assertCan, can, type Capability, type Role } from '@/lib/auth/permissions';

// SPEC §1, written out independently of the implementation's table.
const EXPECTED: Record<Capability, Role[]> = {
  viewAccount: ['owner', 'operator', 'editor', 'viewer'],
  editContent: ['owner', 'operator', 'editor'],
  startDeliveries: ['owner', 'operator'],
  manageInstances: ['owner', 'operator'],
  manageMembers: ['owner'],
};

describe('capabilities by role', () => {
  for (const capability of CAPABILITIES) {
    for (const role of ROLES) {
      const allowed = EXPECTED[capability].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${capability}`, () => {
        expect(can(role, capability)).toBe(allowed);
        const actor = { userId: 'u', accountId: 'a', role, isPlatformAdmin: false };
        if (allowed) expect(() => assertCan(actor, capability)).not.toThrow();
        else expect(() => assertCan(actor, capability)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', status: 403 }));
      });
    }
  }
});

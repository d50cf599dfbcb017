import { describe, expect, it } from 'vitest';
import type { AdminUser } from './admin-user';
import { leavesNoAdmin } from './last-admin';

const admin: AdminUser = { id: 'a', email: 'head@school.org', role: 'admin', displayName: null, disabledAt: null };

describe('leavesNoAdmin', () => {
  it('refuses to disable or demote the only enabled admin', () => {
    expect(leavesNoAdmin(admin, { disabled: true }, 0)).toBe(true);
    expect(leavesNoAdmin(admin, { role: 'agent' }, 0)).toBe(true);
  });

  it('allows it while another enabled admin remains', () => {
    expect(leavesNoAdmin(admin, { disabled: true }, 1)).toBe(false);
    expect(leavesNoAdmin(admin, { role: 'agent' }, 2)).toBe(false);
  });

  it('allows changes that keep the admin an enabled admin, and changes to agents', () => {
    expect(leavesNoAdmin(admin, { disabled: false, role: 'admin' }, 0)).toBe(false);
    expect(leavesNoAdmin({ ...admin, role: 'agent' }, { disabled: true }, 0)).toBe(false);
    expect(leavesNoAdmin({ ...admin, disabledAt: new Date(0) }, { role: 'agent' }, 0)).toBe(false);
  });
});

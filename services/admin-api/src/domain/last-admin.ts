import { isDisabled, type AdminUser } from './admin-user';
import type { Role } from './role';

export interface UserChange {
  disabled?: boolean | undefined;
  role?: Role | undefined;
}

const isActiveAdmin = (user: { role: Role; disabled: boolean }) => user.role === 'admin' && !user.disabled;

/**
 * Whether applying `change` to `target` would leave the school with no enabled admin, and so nobody able
 * to manage users again. `otherActiveAdmins` counts enabled admins other than the target.
 */
export function leavesNoAdmin(target: AdminUser, change: UserChange, otherActiveAdmins: number): boolean {
  const before = isActiveAdmin({ role: target.role, disabled: isDisabled(target) });
  const after = isActiveAdmin({ role: change.role ?? target.role, disabled: change.disabled ?? isDisabled(target) });
  return before && !after && otherActiveAdmins === 0;
}

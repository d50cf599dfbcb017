import { isDisabled, type AdminUser } from '../domain/admin-user';
import type { RequestOrigin } from '../domain/audit';
import { AppError } from '../domain/errors';
import { leavesNoAdmin } from '../domain/last-admin';
import type { Role } from '../domain/role';
import type { UserAdminDeps } from './user-store';

export interface UserChangeRequest {
  disabled?: boolean | undefined;
  password?: string | undefined;
  role?: Role | undefined;
  /** null clears the name (actorOf falls back to the email's local part). */
  displayName?: string | null | undefined;
}

export interface UpdateUserInput {
  actor: AdminUser;
  origin: RequestOrigin;
  id: string;
  change: UserChangeRequest;
}

/**
 * Disables, re-enables, renames, changes the role or resets the password of an account. A disabled user's
 * tokens stop working on their next request (authenticate re-reads the user). The change that would leave no
 * enabled admin is refused, under a lock, so concurrent changes cannot get around it.
 */
export async function updateUser(deps: UserAdminDeps, { actor, origin, id, change }: UpdateUserInput): Promise<AdminUser> {
  const passwordHash = change.password === undefined ? undefined : await deps.hashPassword(change.password);
  return deps.inTransaction(async (store) => {
    await store.lockAdminRoles();
    const target = await store.findUserById(id);
    if (!target) throw new AppError('not_found', 'no such user');
    if (leavesNoAdmin(target, change, await store.countOtherActiveAdmins(target.id))) {
      throw new AppError('last_admin', 'this change would leave no enabled admin');
    }
    const disabledAt = change.disabled === undefined ? undefined : change.disabled ? (target.disabledAt ?? deps.now()) : null;
    const updated = await store.updateUser(id, { role: change.role, displayName: change.displayName, disabledAt, passwordHash });
    const details: Record<string, unknown> = {};
    if (change.role !== undefined) details.role = { from: target.role, to: updated.role };
    if (change.displayName !== undefined) details.display_name = { from: target.displayName, to: updated.displayName };
    if (change.disabled !== undefined) details.disabled = { from: isDisabled(target), to: isDisabled(updated) };
    if (passwordHash !== undefined) details.password_changed = true;
    await store.recordAudit({ ...origin, actorId: actor.id, actorEmail: actor.email, action: 'user.updated', target: id, details });
    return updated;
  });
}

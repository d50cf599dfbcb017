import type { AdminUser, NewAdminUser } from '../domain/admin-user';
import type { AuditEntry } from '../domain/audit';
import type { Role } from '../domain/role';

export interface UserPatch {
  role?: Role | undefined;
  /** null clears the name. */
  displayName?: string | null | undefined;
  disabledAt?: Date | null | undefined;
  passwordHash?: string | undefined;
}

/** User reads and writes inside one transaction, with the audit row that goes with them. */
export interface UserStore {
  /** Serialises changes to who is an enabled admin, so two admins demoting each other cannot both win. */
  lockAdminRoles(): Promise<void>;
  findUserById(id: string): Promise<AdminUser | undefined>;
  /** Undefined when the email is taken. */
  insertUser(user: NewAdminUser): Promise<AdminUser | undefined>;
  updateUser(id: string, patch: UserPatch): Promise<AdminUser>;
  countOtherActiveAdmins(excludingId: string): Promise<number>;
  recordAudit(entry: AuditEntry): Promise<void>;
}

export interface UserAdminDeps {
  hashPassword(password: string): Promise<string>;
  inTransaction<T>(work: (store: UserStore) => Promise<T>): Promise<T>;
  now(): Date;
}

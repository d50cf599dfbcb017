import type { Migration } from '@app/db';
import * as createAdminUsers from './2026_11_21_0600_create_admin_users';
import * as createAuditLog from './2026_11_21_0610_create_audit_log';
import * as addAdminUserDisplayName from './2026_11_25_0600_add_admin_user_display_name';

/** A static record, not a folder scan: the same list under tsx, vitest and a bundled build. Names sort in run order. */
export const migrations: Record<string, Migration> = {
  '2026_11_21_0600_create_admin_users': createAdminUsers,
  '2026_11_21_0610_create_audit_log': createAuditLog,
  '2026_11_25_0600_add_admin_user_display_name': addAdminUserDisplayName,
};

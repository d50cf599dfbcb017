import type { Migration } from '@app/db';
import * as createAdminUsers from './2026_11_21_0600_create_admin_users';
import * as createAuditLog from './2026_11_21_0610_create_audit_log';
import * as addAdminUserDisplayName from './2026_11_25_0600_add_admin_user_display_name';
import * as addAuditEventKey from './2026_12_07_1000_add_audit_event_key';
import * as createCannedReplies from './2026_12_07_1200_create_canned_replies';
import * as addAuditTargetIndex from './2026_12_07_1300_add_audit_target_index';
import * as addAuditViewIndex from './2026_12_07_1400_add_audit_view_index';

/** A static record, not a folder scan: the same list under tsx, vitest and a bundled build. Names sort in run order. */
export const migrations: Record<string, Migration> = {
  '2026_11_21_0600_create_admin_users': createAdminUsers,
  '2026_11_21_0610_create_audit_log': createAuditLog,
  '2026_11_25_0600_add_admin_user_display_name': addAdminUserDisplayName,
  '2026_12_07_1000_add_audit_event_key': addAuditEventKey,
  '2026_12_07_1200_create_canned_replies': createCannedReplies,
  '2026_12_07_1300_add_audit_target_index': addAuditTargetIndex,
  '2026_12_07_1400_add_audit_view_index': addAuditViewIndex,
};

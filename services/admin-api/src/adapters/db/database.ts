import type { ColumnType, Generated } from '@app/db';
import type { Role } from '../../domain/role';

/** The tables of the admin-api schema, as the migrations in src/db/migrations create them. */
export interface Database {
  admin_users: AdminUsersTable;
  audit_log: AuditLogTable;
}

export interface AdminUsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  role: Role;
  display_name: string | null;
  disabled_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: string | null;
  actor_email: string;
  action: string;
  target: string | null;
  // Written as JSON text: pg would turn a top-level array into a Postgres array, not jsonb.
  details: ColumnType<Record<string, unknown>, string, string>;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
}

import type { ColumnType, Generated } from '@app/db';
import type { Role } from '../domain/role';

/** The tables of the admin-api schema, as the migrations in src/db/migrations create them. */
export interface Database {
  admin_users: AdminUsersTable;
  audit_log: AuditLogTable;
  canned_replies: CannedRepliesTable;
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
  /** The engine event an entry was written from (unique): several replicas receive it, one row is kept. */
  event_key: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The team's canned replies (agent tools): admins manage them, agents pick them in the composer. */
export interface CannedRepliesTable {
  id: Generated<string>;
  title: string;
  shortcut: string;
  body: string;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

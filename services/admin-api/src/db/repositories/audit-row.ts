import type { Insertable, Selectable } from '@app/db';
import type { AuditEntry, StoredAuditEntry } from '../../domain/audit';
import type { AuditLogTable } from '../database';

/** An entry as an audit_log row; the details as JSON text (see AuditLogTable). */
export const toAuditRow = (entry: AuditEntry): Insertable<AuditLogTable> => ({
  actor_id: entry.actorId,
  actor_email: entry.actorEmail,
  action: entry.action,
  target: entry.target,
  details: JSON.stringify(entry.details),
  ip: entry.ip,
  user_agent: entry.userAgent,
});

export const toStoredAuditEntry = (row: Selectable<AuditLogTable>): StoredAuditEntry => ({
  id: row.id,
  actorId: row.actor_id,
  actorEmail: row.actor_email,
  action: row.action,
  target: row.target,
  details: row.details,
  ip: row.ip,
  userAgent: row.user_agent,
  createdAt: row.created_at,
});

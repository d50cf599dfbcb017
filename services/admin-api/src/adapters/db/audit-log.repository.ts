import type { Kysely, Selectable, Transaction } from '@app/db';
import type { AuditAction, AuditEntry, StoredAuditEntry } from '../../domain/audit';
import type { AuditLogTable, Database } from './database';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      actor_email: entry.actorEmail,
      action: entry.action,
      target: entry.target,
      details: JSON.stringify(entry.details),
      ip: entry.ip,
      user_agent: entry.userAgent,
    })
    .execute();
}

export interface AuditQuery {
  limit: number;
  /** Only entries older than this id (the previous page's cursor). */
  beforeId?: number | undefined;
  actorId?: string | undefined;
  action?: AuditAction | undefined;
}

const toEntry = (row: Selectable<AuditLogTable>): StoredAuditEntry => ({
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

/** Newest first, keyset-paginated on id (the indexes are (actor_id, id desc) and (action, id desc)). */
export async function listAuditEntries(db: Db, query: AuditQuery): Promise<{ items: StoredAuditEntry[]; nextBeforeId: number | null }> {
  let select = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(query.limit + 1);
  if (query.beforeId !== undefined) select = select.where('id', '<', query.beforeId);
  if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
  if (query.action !== undefined) select = select.where('action', '=', query.action);
  const rows = await select.execute();
  const page = rows.slice(0, query.limit).map(toEntry);
  return { items: page, nextBeforeId: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}

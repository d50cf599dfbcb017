import type { Kysely, Transaction } from '@app/db';
import type { AuditAction, AuditEntry, StoredAuditEntry } from '../../domain/audit';
import { toAuditRow, toStoredAuditEntry } from './audit-row';
import type { Database } from '../database';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(toAuditRow(entry)).execute();
}

export interface AuditQuery {
  limit: number;
  /** Only entries older than this id (the previous page's cursor). */
  beforeId?: number | undefined;
  actorId?: string | undefined;
  action?: AuditAction | undefined;
}

/** Newest first, keyset-paginated on id (the indexes are (actor_id, id desc) and (action, id desc)). */
export async function listAuditEntries(db: Db, query: AuditQuery): Promise<{ items: StoredAuditEntry[]; nextBeforeId: number | null }> {
  let select = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.beforeId !== undefined) select = select.where('id', '<', query.beforeId);
  if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
  if (query.action !== undefined) select = select.where('action', '=', query.action);
  const rows = await select.execute();
  const page = rows.slice(0, query.limit).map(toStoredAuditEntry);
  return { items: page, nextBeforeId: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}

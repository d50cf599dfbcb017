import type { Kysely } from '@app/db';
import type { AuditEntry } from '../../domain/audit';
import { toAuditRow } from './audit-row';
import type { Database } from '../database';

/** Writes the entry unless one with the same event key exists (another replica wrote it first). */
export async function insertAuditEntryOnce(db: Kysely<Database>, eventKey: string, entry: AuditEntry): Promise<boolean> {
  const row = await db
    .insertInto('audit_log')
    .values({ ...toAuditRow(entry), event_key: eventKey })
    .onConflict((oc) => oc.column('event_key').where('event_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

import { sql, type Kysely } from '@app/db';
import type { StoredAuditEntry } from '../../domain/audit';
import { toStoredAuditEntry } from './audit-row';
import type { Database } from '../database';

// The audit entries about one student: those whose target is one of their ids (phone digits, user id), as
// every student command records it. Read by the subject access export, scrubbed by the erasure.

/** One page of the entries about the student, oldest first, after `afterId` (index audit_log_target_idx). */
export async function auditEntriesAbout(
  db: Kysely<Database>,
  ids: readonly string[],
  page: { afterId: number; limit: number },
): Promise<StoredAuditEntry[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('target', 'in', ids)
    .where('id', '>', page.afterId)
    .orderBy('id')
    .limit(page.limit)
    .execute();
  return rows.map(toStoredAuditEntry);
}

/**
 * After an erasure: the entries about the student keep who did what and when (staff accountability), but no
 * longer name the student: the target becomes the erasure (`erasure:<id>`), and the details keep only the
 * outcome (they could name messages, labels or lengths of what was erased).
 */
export async function scrubAuditEntriesAbout(db: Kysely<Database>, ids: readonly string[], erasureId: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('audit_log')
    .set({
      target: `erasure:${erasureId}`,
      details: sql`jsonb_strip_nulls(jsonb_build_object('outcome', details->'outcome', 'scrubbed_by_erasure', ${erasureId}::text))`,
    })
    .where('target', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

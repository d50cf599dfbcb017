import type { Kysely } from '@app/db';

// The student's data (issue 15): the subject access export lists, and the erasure scrubs, the audit entries
// about one student (target = their phone or user id). Without this index both would scan the whole log.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_log_target_idx').on('audit_log').columns(['target', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_target_idx').ifExists().execute();
}

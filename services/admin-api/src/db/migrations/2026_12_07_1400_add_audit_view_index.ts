import { sql, type Kysely } from '@app/db';

// Staff reads (issue 15): opening a student's thread is audited, once per admin and thread within a few
// minutes. This partial index answers "did this admin open this thread lately?" from that admin's view
// entries alone, so the check costs the same however long the audit log grows.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists audit_log_thread_views on audit_log (actor_id, target, created_at desc) where action = 'conversation.viewed'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists audit_log_thread_views`.execute(db);
}

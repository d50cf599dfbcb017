import { sql, type Kysely } from '@app/db';

// Audit entries written from an engine event (an assignment the engine made by itself) carry the event's
// id: every admin-api replica receives the event, and the unique key lets exactly one row in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('event_key', 'text').execute();
  await sql`create unique index audit_log_event_key_idx on audit_log (event_key) where event_key is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists audit_log_event_key_idx`.execute(db);
  await db.schema.alterTable('audit_log').dropColumn('event_key').execute();
}

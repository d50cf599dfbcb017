import { sql, type Kysely } from 'kysely';

// The retention sweep deletes dedupe rows older than the horizon in small batches, oldest first: without an
// index on the timestamp each batch would scan the whole table.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists inbound_dedupe_processed_at on inbound_dedupe (processed_at)`.execute(db);
  await sql`create index if not exists pending_statuses_received_at on pending_statuses (received_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists pending_statuses_received_at`.execute(db);
  await sql`drop index if exists inbound_dedupe_processed_at`.execute(db);
}

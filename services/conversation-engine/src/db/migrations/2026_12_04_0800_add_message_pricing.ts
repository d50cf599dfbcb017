import { sql, type Kysely } from 'kysely';

// Per-message pricing from status webhooks (Meta, since 1 Jul 2025). Nullable columns: existing messages
// simply have no pricing. priced_at is the timestamp of the first status that carried pricing; the
// dashboard counts today's billable messages by category through the partial index, which holds only
// billable rows, so the count never scans the messages table. pending_statuses.pricing keeps the pricing of
// a status that arrived before its wamid was known.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('messages')
    .addColumn('pricing_type', 'text')
    .addColumn('pricing_category', 'text')
    .addColumn('priced_at', 'timestamptz')
    .execute();
  await sql`create index if not exists messages_billable_priced_at on messages (priced_at, pricing_category) where pricing_type = 'regular'`.execute(
    db,
  );
  await db.schema.alterTable('pending_statuses').addColumn('pricing', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pending_statuses').dropColumn('pricing').execute();
  await sql`drop index if exists messages_billable_priced_at`.execute(db);
  await db.schema.alterTable('messages').dropColumn('priced_at').dropColumn('pricing_category').dropColumn('pricing_type').execute();
}

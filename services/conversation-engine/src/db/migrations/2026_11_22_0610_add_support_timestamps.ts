import type { Kysely } from 'kysely';

// When the student asked for a support chat (queue order, next issue) and when the bot last told them their
// message was passed on (at most one receipt per minute).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('conversations')
    .addColumn('support_requested_at', 'timestamptz')
    .addColumn('support_receipt_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('conversations').dropColumn('support_receipt_at').dropColumn('support_requested_at').execute();
}

import type { Kysely } from 'kysely';

// The latest retry note of a queued outbound message (whatsapp-sender's `send.retrying` events): why the
// Cloud API refused its last attempt and when the next one is due. Nullable columns: existing messages
// have no note. Cleared when the message leaves `queued` (sent, failed).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('messages')
    .addColumn('retry_reason', 'text')
    .addColumn('retry_code', 'integer')
    .addColumn('retry_attempt', 'integer')
    .addColumn('next_attempt_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('messages')
    .dropColumn('next_attempt_at')
    .dropColumn('retry_attempt')
    .dropColumn('retry_code')
    .dropColumn('retry_reason')
    .execute();
}

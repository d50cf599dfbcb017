import type { Kysely } from 'kysely';

// messages.send_retry: the highest admin retry (of a dead letter) whose send result was applied; a result
// of a lower retry arriving late is stale. conversations.service_window_closed_at: Meta refused a free-form
// message as outside the 24-hour window (131047) although our clock had it open; the window counts as closed
// until the student's next message (last_inbound_at later than this).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('messages')
    .addColumn('send_retry', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('conversations').addColumn('service_window_closed_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('conversations').dropColumn('service_window_closed_at').execute();
  await db.schema.alterTable('messages').dropColumn('send_retry').execute();
}

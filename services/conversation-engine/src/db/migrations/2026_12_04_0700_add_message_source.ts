import { sql, type Kysely } from 'kysely';

// Coexistence: a message the school sent from the WhatsApp Business app (an smb_message_echoes webhook) is
// stored with the rest of the history, marked as such so that admins can tell it from what this system sent.
// A constant default: Postgres adds the column without rewriting the table, and every existing row is ours.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table messages add column if not exists source text not null default 'cloud_api'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table messages drop column if exists source`.execute(db);
}

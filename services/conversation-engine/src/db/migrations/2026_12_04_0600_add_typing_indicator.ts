import { sql, type Kysely } from 'kysely';

// An admin typing in a support chat shows the student WhatsApp's typing indicator: a mark-read with the
// indicator on, queued in the student's order like any mark-read, as a kind of its own ('typing'). "One job
// of each kind per message" stays as it is (the ON CONFLICT target of every writer, this version's and the
// previous one's during a rollout): a new indicator for the same message replaces the completed one. The
// conversation keeps when it last asked for one, written in the transaction that writes the row, under the
// conversation's lock, so two admin-api replicas or two clicks cannot both send within the interval.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('typing_indicated_at', 'timestamptz').execute();
  await sql`alter table outbox drop constraint outbox_kind_check`.execute(db);
  await sql`alter table outbox add constraint outbox_kind_check check (kind in ('send','mark_read','typing','download_media'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from outbox where kind = 'typing'`.execute(db);
  await sql`alter table outbox drop constraint outbox_kind_check`.execute(db);
  await sql`alter table outbox add constraint outbox_kind_check check (kind in ('send','mark_read','download_media'))`.execute(db);
  await db.schema.alterTable('conversations').dropColumn('typing_indicated_at').execute();
}

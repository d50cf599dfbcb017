import { sql, type Kysely } from 'kysely';

// The outbox carries more than sends: a mark-as-read of the student's message (in the student's order, like
// a send) and a media download (outside that order). Each row gets its own id and a kind; message_id stays,
// now naming the message the job is about (the outbound message for a send, the student's message for the
// others), so it is no longer unique on its own. Existing rows are sends whose id is their message id: job
// ids stay what they were. A writer that does not know the new columns (a replica of the previous version
// during a rollout) still inserts valid send rows: id and kind have defaults.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('id', 'uuid', (c) => c.defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('send')
        .check(sql`kind in ('send','mark_read','download_media')`),
    )
    .execute();
  await sql`update outbox set id = message_id`.execute(db);
  await sql`alter table outbox alter column id set not null`.execute(db);
  await sql`alter table outbox drop constraint outbox_pkey`.execute(db);
  await sql`alter table outbox add constraint outbox_pkey primary key (id)`.execute(db);
  // One job of each kind per message: a repeated mark-read or download of the same message adds nothing.
  await sql`alter table outbox add constraint outbox_one_kind_per_message unique (message_id, kind)`.execute(db);

  // Only sends and mark-reads keep a student's order; downloads never hold anything back.
  await sql`drop index if exists outbox_open_by_conversation`.execute(db);
  await sql`create index outbox_open_ordered on outbox (conversation_id, seq) where completed_at is null and kind <> 'download_media'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from outbox where kind <> 'send'`.execute(db);
  await sql`drop index if exists outbox_open_ordered`.execute(db);
  await sql`create index outbox_open_by_conversation on outbox (conversation_id, seq) where completed_at is null`.execute(db);
  await sql`alter table outbox drop constraint outbox_one_kind_per_message`.execute(db);
  await sql`alter table outbox drop constraint outbox_pkey`.execute(db);
  await sql`alter table outbox add constraint outbox_pkey primary key (message_id)`.execute(db);
  await db.schema.alterTable('outbox').dropColumn('kind').dropColumn('id').execute();
}

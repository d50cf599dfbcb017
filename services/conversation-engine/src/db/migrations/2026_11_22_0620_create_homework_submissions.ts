import { sql, type Kysely } from 'kysely';

// Homework a student submitted: typed text, or an image/document by its WhatsApp media id (downloading the
// media is a later step). The reference (HW-000123) is drawn from the sequence before the bot decides.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence homework_reference_seq`.execute(db);
  await db.schema
    .createTable('homework_submissions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('conversation_id', 'uuid', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('message_id', 'uuid', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('subject_id', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('media_type', 'text', (c) => c.check(sql`media_type in ('image','document')`))
    .addColumn('media_id', 'text')
    .addColumn('media_mime_type', 'text')
    .addColumn('media_sha256', 'text')
    .addColumn('media_caption', 'text')
    .addColumn('media_filename', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('homework_has_work', sql`text is not null or media_id is not null`)
    .addCheckConstraint('homework_media_complete', sql`(media_id is null) = (media_type is null)`)
    .execute();
  await db.schema.createIndex('homework_by_conversation').on('homework_submissions').columns(['conversation_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('homework_submissions').ifExists().execute();
  await sql`drop sequence if exists homework_reference_seq`.execute(db);
}

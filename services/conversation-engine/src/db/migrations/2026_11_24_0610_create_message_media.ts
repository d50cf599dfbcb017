import { sql, type Kysely } from 'kysely';

// The file of an inbound image, document, audio or video: what the webhook said (Meta's media id, type,
// caption, file name), then what whatsapp-sender stored (storage key, size, checked sha256) or why it gave up.
// One per message; looked up by Meta's media id when the download's outcome comes back.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('message_media')
    .addColumn('message_id', 'uuid', (c) => c.primaryKey().references('messages.id').onDelete('cascade'))
    .addColumn('conversation_id', 'uuid', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('media_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('image','document','audio','video')`))
    .addColumn('mime_type', 'text')
    .addColumn('sha256', 'text')
    .addColumn('caption', 'text')
    .addColumn('filename', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending','stored','failed')`),
    )
    .addColumn('storage_key', 'text')
    .addColumn('size', 'bigint')
    .addColumn('failure_reason', 'text')
    .addColumn('failure_detail', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('message_media_stored_complete', sql`status <> 'stored' or (storage_key is not null and size is not null)`)
    .addCheckConstraint('message_media_failed_reason', sql`status <> 'failed' or failure_reason is not null`)
    .execute();
  await db.schema.createIndex('message_media_by_media_id').on('message_media').column('media_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('message_media').ifExists().execute();
}

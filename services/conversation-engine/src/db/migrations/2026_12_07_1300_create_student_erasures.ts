import { sql, type Kysely } from 'kysely';

// Erasure of a student (issue 15). student_erasures is the tombstone: who was erased (a salted SHA-256 of each
// id they had, never the ids in clear), when, by whom, and how many rows of each kind went, with no content.
// erased_media_objects holds the media store keys still to delete after the rows are gone: the engine does not
// hold the media store (admin-api does), so the keys wait here, durable, until admin-api says they are deleted.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('student_erasures')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('subject_hashes', sql`text[]`, (c) => c.notNull())
    .addColumn('erased_at', 'timestamptz', (c) => c.notNull())
    .addColumn('erased_by_id', 'text', (c) => c.notNull())
    .addColumn('erased_by_name', 'text', (c) => c.notNull())
    .addColumn('removed', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create index student_erasures_by_subject on student_erasures using gin (subject_hashes)`.execute(db);

  await db.schema
    .createTable('erased_media_objects')
    .addColumn('storage_key', 'text', (c) => c.primaryKey())
    .addColumn('erasure_id', 'uuid', (c) => c.notNull().references('student_erasures.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('erased_media_objects').ifExists().execute();
  await db.schema.dropTable('student_erasures').ifExists().execute();
}

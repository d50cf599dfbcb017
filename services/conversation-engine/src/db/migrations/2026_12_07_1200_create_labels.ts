import { sql, type Kysely } from 'kysely';

// Agent tools (issue 14): the team's labels and which conversations carry them. Conversation state, so the
// engine's. Names are unique whatever their case. conversation_labels is read both ways: a conversation's
// labels (the primary key, for every conversation view) and a label's conversations (the list filter, and
// the live updates of a rename or delete), each through an index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('labels')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 40`))
    .addColumn('colour', 'text', (c) => c.notNull().check(sql`colour ~ '^#[0-9a-f]{6}$'`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index labels_name_unique on labels (lower(name))`.execute(db);

  await db.schema
    .createTable('conversation_labels')
    .addColumn('conversation_id', 'uuid', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('label_id', 'uuid', (c) => c.notNull().references('labels.id').onDelete('cascade'))
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('conversation_labels_pk', ['conversation_id', 'label_id'])
    .execute();
  await db.schema.createIndex('conversation_labels_by_label').on('conversation_labels').columns(['label_id', 'conversation_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('conversation_labels').ifExists().execute();
  await db.schema.dropTable('labels').ifExists().execute();
}

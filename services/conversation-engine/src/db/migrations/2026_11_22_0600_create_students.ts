import { sql, type Kysely } from 'kysely';

// A registered student's profile, one per conversation (a WhatsApp number). Created when registration
// completes; until then the answers live in the conversation's bot_state.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('students')
    .addColumn('conversation_id', 'uuid', (c) => c.primaryKey().references('conversations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 2 and 80`))
    .addColumn('email', 'text', (c) => c.notNull().check(sql`char_length(email) between 3 and 254`))
    .addColumn('class_name', 'text', (c) => c.notNull().check(sql`char_length(class_name) between 1 and 30`))
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('students').ifExists().execute();
}

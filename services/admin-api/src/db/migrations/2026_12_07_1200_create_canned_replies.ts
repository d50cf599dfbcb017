import { sql, type Kysely } from '@app/db';

// Agent tools (issue 14): the team's canned replies. Team configuration, not conversation state, so admin-api's
// (beside the accounts that manage them). The checks repeat the API's rules so no other writer stores what it
// refuses; shortcuts are unique whatever their case (what an agent types after `/`).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('canned_replies')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`title = btrim(title) and char_length(title) between 1 and 80`))
    .addColumn('shortcut', 'text', (c) => c.notNull().check(sql`shortcut ~ '^[a-z0-9][a-z0-9_-]{0,29}$'`))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) between 1 and 4096`))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index canned_replies_shortcut_unique on canned_replies (shortcut)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('canned_replies').ifExists().execute();
}

import { sql, type Kysely } from 'kysely';

// Office hours (issue 14). One schedule per deployment (one school): a single row, replaced as a whole, so a
// reader never sees half of an admin's change. Closures are the school's calendar dates (`date`, no zone:
// they mean days in the schedule's zone). A support chat remembers whether it was asked for outside hours,
// for the dashboard now and reports later; the partial index serves "open chats that arrived while closed"
// without reading the ended ones. The bot's two new texts are seeded so a school can reword them.
export const OFFICE_HOURS_SEED_TEXTS: [string, string][] = [
  ['support.closed', "We're closed now. We'll be back {when}. You can leave a message here and we will answer it then."],
  ['support.closed_until_further_notice', "We're closed now. You can leave a message here and we will answer it when we are back."],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office_hours')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('weekly', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('office_hours_closures')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text')
    .addCheckConstraint('office_hours_closures_range', sql`end_date >= start_date`)
    .execute();
  await db.schema.createIndex('office_hours_closures_by_end').on('office_hours_closures').columns(['end_date', 'start_date']).execute();
  await db.schema
    .alterTable('support_chats')
    .addColumn('arrived_outside_hours', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`create index support_chats_open_outside_hours on support_chats (conversation_id) where arrived_outside_hours and status in ('waiting', 'active')`.execute(
    db,
  );
  await db
    .insertInto('bot_texts')
    .values(OFFICE_HOURS_SEED_TEXTS.map(([id, body]) => ({ id, body })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('bot_texts')
    .where(
      'id',
      'in',
      OFFICE_HOURS_SEED_TEXTS.map(([id]) => id),
    )
    .execute();
  await sql`drop index if exists support_chats_open_outside_hours`.execute(db);
  await db.schema.alterTable('support_chats').dropColumn('arrived_outside_hours').execute();
  await db.schema.dropTable('office_hours_closures').ifExists().execute();
  await db.schema.dropTable('office_hours').ifExists().execute();
}

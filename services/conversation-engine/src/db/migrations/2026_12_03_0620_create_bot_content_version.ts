import { sql, type Kysely } from 'kysely';

const CONTENT_TABLES = ['bot_texts', 'faq_categories', 'faq_entries', 'subjects', 'classes'];

// The bot's content is read on every message but changes rarely: engines cache it and check one row, the
// content's version, per batch. Every write to a content table (by any client: a migration, psql, a future
// admin screen) bumps the version in the same transaction, so no writer can forget to.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bot_content_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into bot_content_version (id, version) values (1, 1)`.execute(db);
  await sql`
    create function bump_bot_content_version() returns trigger language plpgsql set search_path from current as $$
    begin
      update bot_content_version set version = version + 1 where id = 1;
      return null;
    end $$`.execute(db);
  for (const table of CONTENT_TABLES) {
    await sql`create trigger ${sql.id(`${table}_bumps_version`)} after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_bot_content_version()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of CONTENT_TABLES)
    await sql`drop trigger if exists ${sql.id(`${table}_bumps_version`)} on ${sql.table(table)}`.execute(db);
  await sql`drop function if exists bump_bot_content_version()`.execute(db);
  await db.schema.dropTable('bot_content_version').ifExists().execute();
}

import { sql, type Kysely } from 'kysely';

// Business-scoped user ids (WhatsApp, 2026): a student who adopts a username may withhold their phone, and
// Meta then names them only by their BSUID. A conversation is keyed by either: user_id (unique, null until
// Meta sends one) and phone_number (still unique, now nullable: a username-only student has none), at least
// one of them set. Additive: every existing row keeps its phone and simply has no user id yet (its first
// payload carrying both links them). The username is shown where a name is shown.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('conversations')
    .addColumn('user_id', 'text', (c) => c.unique())
    .addColumn('username', 'text')
    .execute();
  await db.schema
    .alterTable('conversations')
    .alterColumn('phone_number', (c) => c.dropNotNull())
    .execute();
  await sql`alter table conversations add constraint conversations_student_id check (user_id is not null or phone_number is not null)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table conversations drop constraint if exists conversations_student_id`.execute(db);
  // A conversation known only by its user id has nothing the old schema could key it by.
  await sql`delete from conversations where phone_number is null`.execute(db);
  await db.schema
    .alterTable('conversations')
    .alterColumn('phone_number', (c) => c.setNotNull())
    .execute();
  await db.schema.alterTable('conversations').dropColumn('username').dropColumn('user_id').execute();
}

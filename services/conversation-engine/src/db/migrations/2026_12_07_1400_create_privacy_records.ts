import { sql, type Kysely } from 'kysely';

/** The age band and consent wording (domain/bot/consent-texts.ts at the time), editable by the school like every text. */
export const CONSENT_SEED_TEXTS: [string, string][] = [
  ['registration.ask_age', 'How old are you? Pick your age group from the list.'],
  ['registration.age_button', 'Age group'],
  ['registration.age_invalid', 'Please pick your age group from the list.'],
  ['age.under_13', 'Under 13'],
  ['age.13_15', '13 to 15'],
  ['age.16_17', '16 or 17'],
  ['age.18_plus', '18 or over'],
  [
    'consent.intro',
    "Because of your age, the school needs your parent's or guardian's consent before you send homework here. Until then you can still read the FAQ and chat with our team.",
  ],
  ['consent.ask_name', 'Please pass the phone to your parent or guardian.\n\nParent or guardian: what is your full name?'],
  ['consent.later', 'Later'],
  ['consent.ask_relationship', 'Thank you, {guardian}. How are you related to {student}?'],
  ['consent.parent', 'Parent'],
  ['consent.guardian', 'Guardian'],
  ['consent.other', 'Other'],
  ['consent.relationship_invalid', 'Please choose one of the buttons.'],
  ['consent.ask_contact', 'What phone number (with country code) or email address can the school reach you on?'],
  ['consent.contact_invalid', 'Please send a phone number with its country code (like +234 801 234 5678) or an email address.'],
  [
    'consent.ask_confirm',
    "{guardian}, do you consent to the school keeping {student}'s details, messages and homework, and helping them on this chat? You can withdraw it at any time by telling the school.",
  ],
  ['consent.yes', 'I consent'],
  ['consent.no', 'I do not consent'],
  ['consent.given', 'Thank you! Your consent is recorded. \u2705'],
  ['consent.declined', 'No consent was recorded. Homework uploads stay off; the FAQ and chat with our team still work.'],
  ['consent.later_note', 'OK. When your parent or guardian is with you, choose Homework in the menu to give consent.'],
  [
    'consent.homework_blocked',
    "Sending homework needs your parent's or guardian's consent first. Is your parent or guardian with you now?",
  ],
  ['consent.start', 'Give consent'],
  ['consent.not_needed', 'No consent is needed.'],
];

// Data protection for minors (issue 15). The school's consent rules and retention settings are single rows
// (id 1), off by default, so a deployment behaves as before until an admin turns them on. A student's age band
// and guardian consent live beside the profile (one row per conversation, gone with it). Retention remembers,
// per conversation, when its history was last deleted: a conversation is due again only once it has had new
// activity since, and the partial index holds only conversations that still have something to delete, by
// last activity, so the sweep reads the oldest due ones without scanning the table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consent_settings')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('ask_age_band', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('guardian_consent_bands', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .execute();
  await db.insertInto('consent_settings').values({ id: 1 }).execute();
  await db
    .insertInto('bot_texts')
    .values(CONSENT_SEED_TEXTS.map(([id, body]) => ({ id, body })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  await db.schema
    .createTable('student_consents')
    .addColumn('conversation_id', 'uuid', (c) => c.primaryKey().references('conversations.id').onDelete('cascade'))
    .addColumn('age_band', 'text', (c) => c.check(sql`age_band in ('under_13', '13_15', '16_17', '18_plus')`))
    .addColumn('age_band_at', 'timestamptz')
    .addColumn('guardian_name', 'text')
    .addColumn('guardian_relationship', 'text', (c) => c.check(sql`guardian_relationship in ('parent', 'guardian', 'other')`))
    .addColumn('guardian_contact', 'text')
    .addColumn('consent_method', 'text', (c) => c.check(sql`consent_method in ('whatsapp', 'staff')`))
    .addColumn('consent_evidence', 'text')
    .addColumn('consent_given_at', 'timestamptz')
    .addColumn('consent_recorded_by', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('retention_settings')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('days', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(365)
        .check(sql`days between 7 and 3650`),
    )
    .addColumn('updated_at', 'timestamptz')
    .addColumn('updated_by', 'text')
    .addColumn('last_run_at', 'timestamptz')
    .addColumn('last_run_conversations', 'integer')
    .addColumn('last_run_messages', 'integer')
    .addColumn('last_run_media', 'integer')
    .execute();
  await db.insertInto('retention_settings').values({ id: 1 }).execute();

  await db.schema.alterTable('conversations').addColumn('history_deleted_at', 'timestamptz').execute();
  // Deleting messages cascades to these by message_id: without an index each deleted message would scan them.
  await sql`create index if not exists homework_by_message on homework_submissions (message_id)`.execute(db);
  await sql`create index if not exists admin_idempotency_by_message on admin_idempotency (message_id)`.execute(db);
  await sql`create index conversations_retention_due on conversations (last_message_at)
    where history_deleted_at is null or history_deleted_at < last_message_at`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists conversations_retention_due`.execute(db);
  await sql`drop index if exists homework_by_message`.execute(db);
  await sql`drop index if exists admin_idempotency_by_message`.execute(db);
  await db.schema.alterTable('conversations').dropColumn('history_deleted_at').execute();
  await db.schema.dropTable('retention_settings').ifExists().execute();
  await db.schema.dropTable('student_consents').ifExists().execute();
  await db.schema.dropTable('consent_settings').ifExists().execute();
  await db
    .deleteFrom('bot_texts')
    .where(
      'id',
      'in',
      CONSENT_SEED_TEXTS.map(([id]) => id),
    )
    .execute();
}

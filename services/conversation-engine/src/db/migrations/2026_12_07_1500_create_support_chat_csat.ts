import { sql, type Kysely } from 'kysely';

// Satisfaction (CSAT, issue 15). One row per support chat the survey was sent for, its primary key the chat:
// asked at most once per chat by construction. Rating and comment are written once (`where ... is null`), so
// a second tap never rewrites an answer. Off until a school turns it on (csat_settings), so that no student
// gets a survey whose wording the school has not seen. Its texts are seeded like every other bot text.
//
// Reports (same issue) read messages by time: a covering index lets a year of counts by direction, author
// and agent be an index-only scan, and a small partial index holds the failed sends with their reason.
export const CSAT_SEED_TEXTS: [string, string][] = [
  ['csat.question', 'How did your chat with our team go? Tap *Rate* and choose an answer.'],
  ['csat.button', 'Rate'],
  ['csat.rating_5', 'Excellent'],
  ['csat.rating_4', 'Good'],
  ['csat.rating_3', 'OK'],
  ['csat.rating_2', 'Poor'],
  ['csat.rating_1', 'Very poor'],
  ['csat.comment_prompt', 'Thank you! If you would like to tell us more, write it in your next message.'],
  ['csat.thanks', 'Thank you for your comment.'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('support_chat_csat')
    .addColumn('chat_id', 'uuid', (c) => c.primaryKey().references('support_chats.id').onDelete('cascade'))
    .addColumn('conversation_id', 'uuid', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('asked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('rating', 'smallint', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('rated_at', 'timestamptz')
    .addColumn('comment', 'text', (c) => c.check(sql`char_length(comment) <= 1000`))
    .addColumn('commented_at', 'timestamptz')
    .addCheckConstraint('support_chat_csat_comment_after_rating', sql`comment is null or rating is not null`)
    .execute();
  await db.schema.createIndex('support_chat_csat_by_conversation').on('support_chat_csat').column('conversation_id').execute();

  await db.schema
    .createTable('csat_settings')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .execute();
  await sql`insert into csat_settings (id, enabled) values (1, false)`.execute(db);
  await db
    .insertInto('bot_texts')
    .values(CSAT_SEED_TEXTS.map(([id, body]) => ({ id, body })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  await sql`create index if not exists messages_report_by_created_at on messages (created_at) include (direction, author, type, agent_id, status, conversation_id)`.execute(
    db,
  );
  await sql`create index if not exists messages_failed_by_created_at on messages (created_at) include (error, conversation_id, agent_id) where status = 'failed'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists messages_failed_by_created_at`.execute(db);
  await sql`drop index if exists messages_report_by_created_at`.execute(db);
  await db
    .deleteFrom('bot_texts')
    .where(
      'id',
      'in',
      CSAT_SEED_TEXTS.map(([id]) => id),
    )
    .execute();
  await db.schema.dropTable('csat_settings').ifExists().execute();
  await db.schema.dropTable('support_chat_csat').ifExists().execute();
}

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('phone_number', 'text', (c) => c.notNull().unique())
    .addColumn('profile_name', 'text')
    .addColumn('bot_state', 'jsonb', (c) => c.notNull().defaultTo(sql`'{"step":"new"}'::jsonb`))
    .addColumn('support_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('none')
        .check(sql`support_status in ('none','waiting','active','ended')`),
    )
    .addColumn('last_inbound_at', 'timestamptz')
    .addColumn('last_message_at', 'timestamptz')
    .addColumn('last_message_preview', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().notNull().unique())
    .addColumn('conversation_id', 'uuid', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('inbound','outbound')`))
    .addColumn('author', 'text', (c) => c.notNull().check(sql`author in ('student','bot','agent','system')`))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('wamid', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'jsonb')
    .addColumn('agent_id', 'text')
    .addColumn('agent_name', 'text')
    .addColumn('correlation_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('messages_conversation_seq').on('messages').columns(['conversation_id', 'seq']).execute();

  // The durable dedupe of inbound events (wamid, or wamid:status). JetStream's window is minutes; Meta
  // redelivers for days.
  await db.schema
    .createTable('inbound_dedupe')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('processed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('message_id', 'uuid', (c) => c.primaryKey().references('messages.id').onDelete('cascade'))
    .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().notNull().unique())
    .addColumn('conversation_id', 'uuid', (c) => c.notNull())
    .addColumn('job', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('relayed_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await sql`create index outbox_open_by_conversation on outbox (conversation_id, seq) where completed_at is null`.execute(db);
  await sql`create index outbox_unrelayed on outbox (seq) where relayed_at is null`.execute(db);

  // Statuses that arrive before the send result that tells us their wamid (the two race).
  await db.schema
    .createTable('pending_statuses')
    .addColumn('wamid', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'jsonb')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('pending_statuses_pk', ['wamid', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['pending_statuses', 'outbox', 'inbound_dedupe', 'messages', 'conversations']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

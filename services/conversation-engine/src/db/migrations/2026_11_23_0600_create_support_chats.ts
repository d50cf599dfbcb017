import { sql, type Kysely } from 'kysely';

// The human side of support. Each support chat is a row, kept after it ends, so reports (waiting times, first
// response, duration, who ended it and why) are queries over this table. conversations.support_status stays
// the bot's quick view of the latest chat; both are written in the same transaction.
//
// Also: the shared admin read marker of a conversation (unread = inbound messages after it) and the
// idempotency keys of admins' sends.

/** Texts the support lifecycle added (a frozen copy: later changes are new migrations or admin edits). */
export const SUPPORT_SEED_TEXTS: [string, string][] = [
  ['support.queue_position', 'You are number {position} in line.'],
  ['support.agent_joined', '{agent} from the school team has joined the chat.'],
];

const seconds = (from: string, to: string) => sql.raw(`(extract(epoch from (${to} - ${from})))`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('support_chats')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // The order chats were opened in: the line's order (clocks of replicas may disagree, and may tie).
    .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().notNull().unique())
    .addColumn('conversation_id', 'uuid', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('waiting','active','ended')`))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().check(sql`requested_by in ('student','agent')`))
    .addColumn('assigned_admin_id', 'text')
    .addColumn('assigned_admin_name', 'text')
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('first_response_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('ended_by', 'text', (c) => c.check(sql`ended_by in ('student','agent','system')`))
    .addColumn('end_reason', 'text', (c) => c.check(sql`end_reason in ('student','agent','service_window_closed')`))
    .addColumn('ended_by_admin_id', 'text')
    .addColumn('ended_by_admin_name', 'text')
    // The last place in line the student was told, and when: position notices only ever improve.
    .addColumn('queue_position_told', 'integer')
    .addColumn('queue_position_told_at', 'timestamptz')
    .addColumn('waited_seconds', sql`double precision`, (c) => c.generatedAlwaysAs(seconds('requested_at', 'claimed_at')).stored())
    .addColumn('first_response_seconds', sql`double precision`, (c) =>
      c.generatedAlwaysAs(seconds('requested_at', 'first_response_at')).stored(),
    )
    .addColumn('duration_seconds', sql`double precision`, (c) => c.generatedAlwaysAs(seconds('requested_at', 'ended_at')).stored())
    .addCheckConstraint(
      'support_chats_ended_complete',
      sql`(status = 'ended') = (ended_at is not null and ended_by is not null and end_reason is not null)`,
    )
    .addCheckConstraint(
      'support_chats_active_assigned',
      sql`status <> 'active' or (assigned_admin_id is not null and claimed_at is not null)`,
    )
    .execute();
  // At most one open chat per conversation.
  await sql`create unique index support_chats_one_open on support_chats (conversation_id) where status in ('waiting','active')`.execute(db);
  // The line, in order.
  await sql`create index support_chats_waiting on support_chats (seq) where status = 'waiting'`.execute(db);
  await db.schema.createIndex('support_chats_by_requested_at').on('support_chats').column('requested_at').execute();
  await db.schema.createIndex('support_chats_by_conversation').on('support_chats').columns(['conversation_id', 'requested_at']).execute();
  // Students already waiting when this ships (the bot opened chats before admins could take one; none is active).
  await sql`
    insert into support_chats (conversation_id, status, requested_at, requested_by)
    select id, 'waiting', coalesce(support_requested_at, updated_at), 'student' from conversations where support_status = 'waiting'
    order by coalesce(support_requested_at, updated_at), id
  `.execute(db);

  await db.schema
    .alterTable('conversations')
    .addColumn('admin_read_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('admin_read_at', 'timestamptz')
    .addColumn('admin_read_by', 'text')
    .execute();
  // The admin list: most recent activity first, (activity, id) as a stable cursor.
  await sql`create index conversations_by_activity on conversations ((coalesce(last_message_at, created_at)) desc, id desc)`.execute(db);

  await db.schema
    .createTable('admin_idempotency')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'uuid', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_idempotency_by_created_at').on('admin_idempotency').column('created_at').execute();

  await db
    .insertInto('bot_texts')
    .values(SUPPORT_SEED_TEXTS.map(([id, body]) => ({ id, body })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('bot_texts')
    .where(
      'id',
      'in',
      SUPPORT_SEED_TEXTS.map(([id]) => id),
    )
    .execute();
  await db.schema.dropTable('admin_idempotency').ifExists().execute();
  await sql`drop index if exists conversations_by_activity`.execute(db);
  await db.schema
    .alterTable('conversations')
    .dropColumn('admin_read_by')
    .dropColumn('admin_read_at')
    .dropColumn('admin_read_seq')
    .execute();
  await db.schema.dropTable('support_chats').ifExists().execute();
}

import { sql, type Kysely } from 'kysely';

// Assignment (issue 14). `agents`: one row per admin-api user the engine has met (their console reported
// by presence, or a capacity set by an admin), keyed by admin-api's user id. `availability` is what they
// chose; they are offline whatever they chose once `seen_until` (presence) has passed. `idle_since` orders
// ties when offering a chat: moved by each assignment and by the end or hand-back of a chat of theirs.
// `assignment_settings`: one row (auto-reassign; 0 = off, the default: a team turns it on). `support_chats` gains when its assignee got it (claimed_at
// stays the first claim, for waited_seconds), when any agent last wrote in it (auto-reassign) and who last
// passed it on (handed it back, or let it go unanswered: not offered it again), plus the
// indexes the load and the expected wait read.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull().defaultTo('away'))
    .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('seen_until', 'timestamptz')
    .addColumn('last_seen_at', 'timestamptz')
    .addColumn('idle_since', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('agents_availability', sql`availability in ('available', 'away', 'offline')`)
    .addCheckConstraint('agents_capacity', sql`capacity between 0 and 50`)
    .execute();

  await db.schema
    .createTable('assignment_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('auto_reassign_after_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .addCheckConstraint('assignment_settings_one_row', sql`id = 1`)
    .addCheckConstraint('assignment_settings_reassign', sql`auto_reassign_after_seconds between 0 and 86400`)
    .execute();
  await db.insertInto('assignment_settings').values({ id: 1 }).execute();

  await db.schema
    .alterTable('support_chats')
    .addColumn('assigned_at', 'timestamptz')
    .addColumn('agent_replied_at', 'timestamptz')
    .addColumn('passed_by', 'text')
    .execute();
  await sql`update support_chats set assigned_at = claimed_at where status = 'active'`.execute(db);
  // An agent's load (active chats) and idle time (their last ended chat).
  await sql`create index support_chats_active_by_agent on support_chats (assigned_admin_id) where status = 'active'`.execute(db);
  await sql`create index support_chats_ended_by_agent on support_chats (assigned_admin_id, ended_at) where status = 'ended'`.execute(db);
  // The expected wait: chats claimed in the last hours.
  await sql`create index support_chats_by_claimed_at on support_chats (claimed_at) where claimed_at is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists support_chats_by_claimed_at`.execute(db);
  await sql`drop index if exists support_chats_ended_by_agent`.execute(db);
  await sql`drop index if exists support_chats_active_by_agent`.execute(db);
  await db.schema.alterTable('support_chats').dropColumn('passed_by').dropColumn('agent_replied_at').dropColumn('assigned_at').execute();
  await db.schema.dropTable('assignment_settings').ifExists().execute();
  await db.schema.dropTable('agents').ifExists().execute();
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { EngineDatabase } from '../database';
import { messageViews } from './message-views.repository';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

// The student's data read as stored (subject access, erasure). Tables are found, not listed: every table of
// the engine's schema with a conversation_id column holds rows about one student, including the ones later
// features add (consent, ratings, ...), so neither the export nor the erasure can silently miss one.

/** The engine's tables (not views) with a conversation_id column, by name. */
export async function tablesAboutStudents(db: Db): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.column_name = 'conversation_id'
    order by c.table_name`.execute(db);
  return rows.map((r) => r.table_name);
}

/** Every column of the conversation row, as JSON. */
export async function conversationRowJson(db: Db, conversationId: string): Promise<Record<string, unknown> | undefined> {
  const { rows } = await sql<{
    row: Record<string, unknown>;
  }>`select to_jsonb(c) as row from conversations c where c.id = ${conversationId}`.execute(db);
  return rows[0]?.row;
}

/** `table` must come from tablesAboutStudents (it is an identifier, quoted, never a value). */
export async function countRowsAbout(db: Db, table: string, conversationId: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(table)} where conversation_id = ${conversationId}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** One page of a table's rows about the student, every column as JSON, in storage order (an export reads it once). */
export async function rowsAbout(
  db: Db,
  table: string,
  conversationId: string,
  page: { offset: number; limit: number },
): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<{ row: Record<string, unknown> }>`
    select to_jsonb(t) as row from ${sql.table(table)} t where t.conversation_id = ${conversationId}
    order by t.ctid offset ${page.offset} limit ${page.limit}`.execute(db);
  return rows.map((r) => r.row);
}

/** The registered name and the WhatsApp profile name of a conversation's student. */
export async function studentNames(db: Db, conversationId: string) {
  return db
    .selectFrom('conversations as c')
    .leftJoin('students as s', 's.conversation_id', 'c.id')
    .select(['c.phone_number', 'c.user_id', 'c.username', 'c.profile_name', 's.name as student_name'])
    .where('c.id', '=', conversationId)
    .executeTakeFirst();
}

/** A conversation's history oldest first after `afterSeq`, within [from, to), one row more than asked. */
export async function historyPage(db: Db, conversationId: string, opts: { afterSeq: number; from?: Date; to?: Date; limit: number }) {
  let query = messageViews(db).where('m.conversation_id', '=', conversationId).where('m.seq', '>', opts.afterSeq);
  if (opts.from) query = query.where('m.created_at', '>=', opts.from);
  if (opts.to) query = query.where('m.created_at', '<', opts.to);
  return query
    .orderBy('m.seq')
    .limit(opts.limit + 1)
    .execute();
}

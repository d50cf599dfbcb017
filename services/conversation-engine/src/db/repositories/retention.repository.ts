import { sql, type Kysely, type Transaction } from 'kysely';
import type { EngineDatabase } from '../database';

/** The append-only tables the retention sweep prunes, each with its (indexed) timestamp column. */
export const PRUNABLE = {
  inbound_dedupe: 'processed_at',
  pending_statuses: 'received_at',
} as const;
export type PrunableTable = keyof typeof PRUNABLE;

/**
 * Deletes up to `limit` rows of `table` older than `before`, oldest first, in one short statement (locks
 * held briefly, WAL written in small pieces); answers how many went. Skip-locked, so two replicas pruning
 * at once never wait on each other.
 */
export async function deleteOlderThan(db: Kysely<EngineDatabase>, table: PrunableTable, before: Date, limit: number): Promise<number> {
  const column = sql.ref(PRUNABLE[table]);
  const result = await sql`
    delete from ${sql.table(table)} where ctid in (
      select ctid from ${sql.table(table)} where ${column} < ${before} order by ${column} limit ${limit} for update skip locked)`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0n);
}

// History retention (issue 15): a conversation idle since before the cutoff loses its messages and media. Due
// means: last activity before the cutoff, something new since the last deletion (the partial index
// conversations_retention_due holds exactly those, by last activity), and no support chat open.
const due = (cutoff: Date) =>
  sql<boolean>`last_message_at < ${cutoff} and (history_deleted_at is null or history_deleted_at < last_message_at) and support_status not in ('waiting', 'active')`;

export interface RetentionRow {
  enabled: boolean;
  days: number;
  updatedAt: Date | null;
  updatedBy: string | null;
  lastRunAt: Date | null;
  lastRun: { conversations: number; messages: number; media: number } | null;
}

export async function readRetentionSettings(db: Kysely<EngineDatabase>): Promise<RetentionRow> {
  const row = await db.selectFrom('retention_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  const lastRun =
    row?.last_run_at != null
      ? { conversations: row.last_run_conversations ?? 0, messages: row.last_run_messages ?? 0, media: row.last_run_media ?? 0 }
      : null;
  return {
    enabled: row?.enabled ?? false,
    days: row?.days ?? 365,
    updatedAt: row?.updated_at ? new Date(row.updated_at) : null,
    updatedBy: row?.updated_by ?? null,
    lastRunAt: row?.last_run_at ? new Date(row.last_run_at) : null,
    lastRun,
  };
}

export async function writeRetentionSettings(
  db: Kysely<EngineDatabase>,
  settings: { enabled: boolean; days: number },
  by: string,
  at: Date,
) {
  const values = { enabled: settings.enabled, days: settings.days, updated_by: by, updated_at: at };
  await db
    .insertInto('retention_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function recordRetentionRun(
  db: Kysely<EngineDatabase>,
  at: Date,
  deleted: { conversations: number; messages: number; media: number },
) {
  await db
    .updateTable('retention_settings')
    .set({
      last_run_at: at,
      last_run_conversations: deleted.conversations,
      last_run_messages: deleted.messages,
      last_run_media: deleted.media,
    })
    .where('id', '=', 1)
    .execute();
}

/**
 * Up to `limit` due conversations, oldest activity first, locked until commit (the lock a student's message
 * takes: one arriving now waits, then finds its conversation emptied and carries on). Skip-locked: a
 * conversation busy right now is taken on the next run, and two replicas never wait on each other.
 */
export async function lockDueConversations(trx: Transaction<EngineDatabase>, cutoff: Date, limit: number): Promise<string[]> {
  const result = await sql<{ id: string }>`${dueConversationsQuery(cutoff, limit)}`.execute(trx);
  return result.rows.map((r) => r.id);
}

/** The statement lockDueConversations runs (exported for the test that checks its plan uses the index). */
export const dueConversationsQuery = (cutoff: Date, limit: number) =>
  sql`select id from conversations where ${due(cutoff)} order by last_message_at limit ${limit} for update skip locked`;

/** The media of those conversations' messages (through messages' conversation index), with their store keys. */
export async function mediaOfConversations(trx: Transaction<EngineDatabase>, ids: readonly string[]) {
  return trx
    .selectFrom('messages as m')
    .innerJoin('message_media as mm', 'mm.message_id', 'm.id')
    .select(['mm.message_id', 'mm.storage_key'])
    .where('m.conversation_id', 'in', ids)
    .execute();
}

/**
 * Deletes the conversations' messages (their media rows, homework submissions, outbox rows and idempotency
 * keys go with them: foreign keys cascade), clears their satisfaction comments and marks the histories deleted;
 * the preview line goes too, since it is a message's text. Answers how many messages went.
 */
export async function deleteHistories(trx: Transaction<EngineDatabase>, ids: readonly string[], at: Date): Promise<number> {
  const deleted = await trx.deleteFrom('messages').where('conversation_id', 'in', ids).executeTakeFirst();
  // A satisfaction comment is the student's own words, like a message: it goes. The rating stays (a number
  // with no personal text), so reports keep their figures; commented_at stays too, so no second comment is
  // taken for that chat.
  await trx
    .updateTable('support_chat_csat')
    .set({ comment: null })
    .where('conversation_id', 'in', ids)
    .where('comment', 'is not', null)
    .execute();
  await trx.updateTable('conversations').set({ history_deleted_at: at, last_message_preview: null }).where('id', 'in', ids).execute();
  return Number(deleted.numDeletedRows);
}

/**
 * What is due now, over at most `limit` due conversations (the oldest, which the runs take first): counts, the
 * oldest last activity, and whether more are due (`capped`).
 */
export async function countDue(db: Kysely<EngineDatabase>, cutoff: Date, limit: number) {
  const result = await sql<{ conversations: string; messages: string; media: string; oldest: Date | null }>`
    with due as (select id, last_message_at from conversations where ${due(cutoff)} order by last_message_at limit ${limit + 1}),
         counted as (select id from due order by last_message_at limit ${limit})
    select (select count(*) from due) as conversations,
           (select min(last_message_at) from due) as oldest,
           (select count(*) from messages m where m.conversation_id in (select id from counted)) as messages,
           (select count(*) from messages m join message_media mm on mm.message_id = m.id where m.conversation_id in (select id from counted)) as media`.execute(
    db,
  );
  const row = result.rows[0];
  const conversations = Number(row?.conversations ?? 0);
  return {
    capped: conversations > limit,
    conversations: Math.min(conversations, limit),
    messages: Number(row?.messages ?? 0),
    media: Number(row?.media ?? 0),
    oldest: row?.oldest ? new Date(row.oldest) : null,
  };
}

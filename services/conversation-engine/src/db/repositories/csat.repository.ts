import type { Kysely, Transaction } from 'kysely';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

/** Off when the row is missing: a survey is only ever sent because a school turned it on. */
export async function isCsatEnabled(db: Db): Promise<boolean> {
  const row = await db.selectFrom('csat_settings').select('enabled').where('id', '=', 1).executeTakeFirst();
  return row?.enabled ?? false;
}

export async function setCsatEnabled(db: Db, enabled: boolean, by: string, at: Date): Promise<void> {
  await db
    .insertInto('csat_settings')
    .values({ id: 1, enabled, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('id').doUpdateSet({ enabled, updated_at: at, updated_by: by }))
    .execute();
}

export async function wasCsatAsked(db: Db, chatId: string): Promise<boolean> {
  return (await db.selectFrom('support_chat_csat').select('chat_id').where('chat_id', '=', chatId).executeTakeFirst()) !== undefined;
}

/** The survey was sent for this chat; a second call for the same chat changes nothing. */
export async function insertCsatAsked(db: Db, row: { chatId: string; conversationId: string; at: Date }): Promise<void> {
  await db
    .insertInto('support_chat_csat')
    .values({ chat_id: row.chatId, conversation_id: row.conversationId, asked_at: row.at })
    .onConflict((oc) => oc.column('chat_id').doNothing())
    .execute();
}

/** The first rating stands. Returns whether this one was stored. */
export async function recordCsatRating(db: Db, chatId: string, rating: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('support_chat_csat')
    .set({ rating, rated_at: at })
    .where('chat_id', '=', chatId)
    .where('rating', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** One comment, after a rating. Returns whether this one was stored. */
export async function recordCsatComment(db: Db, chatId: string, comment: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('support_chat_csat')
    .set({ comment, commented_at: at })
    .where('chat_id', '=', chatId)
    .where('rating', 'is not', null)
    .where('comment', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The school's stored wording of the survey (keys without a row use the default). */
export async function loadCsatTexts(db: Db, keys: readonly string[]): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('bot_texts')
    .select(['id', 'body'])
    .where('id', 'in', [...keys])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.body]));
}

/** Replaces the survey's wording (the content version moves with it: bot_texts' trigger). */
export async function saveCsatTexts(db: Db, texts: Record<string, string>): Promise<void> {
  const values = Object.entries(texts).map(([id, body]) => ({ id, body }));
  if (values.length === 0) return;
  await db
    .insertInto('bot_texts')
    .values(values)
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ body: eb.ref('excluded.body'), updated_at: new Date() })))
    .execute();
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

const LABEL_COLUMNS = ['id', 'name', 'colour'] as const;

/** Postgres' unique_violation: the only one these tables have is a label name taken (any case). */
export const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

export async function listLabels(db: Db) {
  return db
    .selectFrom('labels')
    .select(LABEL_COLUMNS)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
}

export async function countLabels(db: Db): Promise<number> {
  const row = await db
    .selectFrom('labels')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Serialises label-set changes (the count limit, names), so two admins cannot both pass the checks. */
export async function lockLabelSet(trx: Transaction<EngineDatabase>) {
  await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.labels'))`.execute(trx);
}

export async function findLabel(db: Db, id: string) {
  return db.selectFrom('labels').select(LABEL_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function insertLabel(db: Db, label: { id: string; name: string; colour: string; createdBy: string; at: Date }) {
  return db
    .insertInto('labels')
    .values({
      id: label.id,
      name: label.name,
      colour: label.colour,
      created_by: label.createdBy,
      created_at: label.at,
      updated_at: label.at,
    })
    .returning(LABEL_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateLabel(db: Db, id: string, patch: { name?: string | undefined; colour?: string | undefined }, at: Date) {
  return db
    .updateTable('labels')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.colour !== undefined ? { colour: patch.colour } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .returning(LABEL_COLUMNS)
    .executeTakeFirst();
}

export async function deleteLabel(db: Db, id: string) {
  return db.deleteFrom('labels').where('id', '=', id).returning(LABEL_COLUMNS).executeTakeFirst();
}

/** The conversations carrying a label, most recently active first, at most `limit` (by the label's index). */
export async function conversationsWithLabel(db: Db, labelId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('conversation_labels as cl')
    .innerJoin('conversations as c', 'c.id', 'cl.conversation_id')
    .select('c.id')
    .where('cl.label_id', '=', labelId)
    .orderBy(sql`coalesce(c.last_message_at, c.created_at)`, 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function countConversationLabels(db: Db, conversationId: string): Promise<number> {
  const row = await db
    .selectFrom('conversation_labels')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('conversation_id', '=', conversationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** True when the label was not on the conversation before. */
export async function addConversationLabel(
  db: Db,
  row: { conversationId: string; labelId: string; addedBy: string; at: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('conversation_labels')
    .values({ conversation_id: row.conversationId, label_id: row.labelId, added_by: row.addedBy, added_at: row.at })
    .onConflict((oc) => oc.columns(['conversation_id', 'label_id']).doNothing())
    .returning('label_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** True when the label was on the conversation. */
export async function removeConversationLabel(db: Db, conversationId: string, labelId: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom('conversation_labels')
    .where('conversation_id', '=', conversationId)
    .where('label_id', '=', labelId)
    .returning('label_id')
    .executeTakeFirst();
  return deleted !== undefined;
}

import { sql, type Kysely, type Selectable, type Transaction } from '@app/db';
import type { CannedReply } from '../../domain/canned-reply';
import type { CannedRepliesTable, Database } from '../database';

type Db = Kysely<Database> | Transaction<Database>;

const COLUMNS = ['id', 'title', 'shortcut', 'body', 'updated_at'] as const;

const toCannedReply = (row: Pick<Selectable<CannedRepliesTable>, (typeof COLUMNS)[number]>): CannedReply => ({
  id: row.id,
  title: row.title,
  shortcut: row.shortcut,
  body: row.body,
  updatedAt: row.updated_at,
});

/** Postgres' unique_violation: the shortcut's unique index is the only one a write can break. */
const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/** Every canned reply, by shortcut (bounded by MAX_CANNED_REPLIES). */
export async function listCannedReplies(db: Db): Promise<CannedReply[]> {
  const rows = await db.selectFrom('canned_replies').select(COLUMNS).orderBy('shortcut').execute();
  return rows.map(toCannedReply);
}

async function countCannedReplies(db: Db): Promise<number> {
  const row = await db
    .selectFrom('canned_replies')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * `taken` when the shortcut is another reply's (the unique index decides, so concurrent writes cannot both
 * win); `full` at `max` replies (counted under a lock of this schema's, so two creates cannot both pass).
 */
export async function insertCannedReply(
  db: Kysely<Database>,
  reply: { title: string; shortcut: string; body: string; createdBy: string },
  max: number,
): Promise<CannedReply | 'taken' | 'full'> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.canned_replies'))`.execute(trx);
    if ((await countCannedReplies(trx)) >= max) return 'full';
    const row = await insertRow(trx, reply);
    return row ? toCannedReply(row) : 'taken';
  });
}

function insertRow(db: Db, reply: { title: string; shortcut: string; body: string; createdBy: string }) {
  return db
    .insertInto('canned_replies')
    .values({ title: reply.title, shortcut: reply.shortcut, body: reply.body, created_by: reply.createdBy })
    .onConflict((oc) => oc.doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
}

/** `not_found` for no such reply, `taken` when the new shortcut is another reply's. */
export async function updateCannedReply(
  db: Db,
  id: string,
  patch: { title?: string | undefined; shortcut?: string | undefined; body?: string | undefined },
): Promise<CannedReply | 'not_found' | 'taken'> {
  try {
    const row = await db
      .updateTable('canned_replies')
      .set({
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.shortcut !== undefined && { shortcut: patch.shortcut }),
        ...(patch.body !== undefined && { body: patch.body }),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirst();
    return row ? toCannedReply(row) : 'not_found';
  } catch (error) {
    if (isUniqueViolation(error)) return 'taken';
    throw error;
  }
}

export async function deleteCannedReply(db: Db, id: string): Promise<CannedReply | undefined> {
  const row = await db.deleteFrom('canned_replies').where('id', '=', id).returning(COLUMNS).executeTakeFirst();
  return row && toCannedReply(row);
}

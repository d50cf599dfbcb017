import { sql, type Kysely, type Transaction } from 'kysely';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

/**
 * Serialises the transactions using one idempotency key until they commit, so two copies of the same request
 * arriving together cannot both find the key free: the second waits, then finds the first one's answer.
 */
export async function lockIdempotencyKey(trx: Transaction<EngineDatabase>, key: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

/** The message a key produced, if it was used after `since`. */
export async function findIdempotentMessageId(db: Db, key: string, since: Date): Promise<string | undefined> {
  const row = await db
    .selectFrom('admin_idempotency')
    .select('message_id')
    .where('key', '=', key)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return row?.message_id;
}

/** Records a key's answer; an expired use of the same key (found free above, under the lock) is replaced. */
export async function saveIdempotencyKey(db: Db, key: string, messageId: string, at: Date) {
  await db
    .insertInto('admin_idempotency')
    .values({ key, message_id: messageId, created_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ message_id: messageId, created_at: at }))
    .execute();
}

export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('admin_idempotency').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { EngineDatabase } from './database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

export async function keepPendingStatus(db: Db, row: { wamid: string; status: string; error: { code: number; title: string } | null }) {
  await db
    .insertInto('pending_statuses')
    .values({ wamid: row.wamid, status: row.status, error: row.error ? JSON.stringify(row.error) : null })
    .onConflict((oc) => oc.columns(['wamid', 'status']).doNothing())
    .execute();
}

export async function takePendingStatuses(db: Db, wamid: string) {
  return db.deleteFrom('pending_statuses').where('wamid', '=', wamid).returning(['status', 'error']).execute();
}

/**
 * Serialises, until commit, the transactions that touch one wamid: a status webhook (which parks itself as
 * pending when the wamid is unknown) and the send result that records the wamid (and takes what is pending).
 * Without it the two could each miss the other: the status finds no message, the result finds nothing
 * pending, and the parked status is never applied. Taken before any row lock, in both, so they cannot deadlock.
 */
export async function lockWamid(trx: Transaction<EngineDatabase>, wamid: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`wamid:${wamid}`}, 0))`.execute(trx);
}

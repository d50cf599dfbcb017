import { sql, type Kysely, type Transaction } from 'kysely';
import type { OutboxJob } from '../../domain/outbox-job';
import type { EngineDatabase } from './database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

/**
 * Writes one job to the outbox. `messageId` is the message the job is about; one job of each kind per message,
 * so a second mark-read or download of the same message is dropped (false).
 */
export async function insertOutbox(db: Db, row: { id: string; messageId: string; conversationId: string; job: OutboxJob }): Promise<boolean> {
  const inserted = await db
    .insertInto('outbox')
    .values({ id: row.id, kind: row.job.kind, message_id: row.messageId, conversation_id: row.conversationId, job: JSON.stringify(row.job.data) })
    .onConflict((oc) => oc.columns(['message_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findOutboxRow(db: Db, id: string, kind: OutboxJob['kind']) {
  return db.selectFrom('outbox').select(['id', 'message_id', 'conversation_id']).where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
}

const outboxColumns = ['o.id', 'o.kind', 'o.job', 'o.seq'] as const;

/**
 * Locks up to `limit` rows ready to go to a queue. A send or mark-read is ready when it has not been relayed
 * and every earlier send or mark-read of the same conversation is completed (the sender reported its final
 * outcome): this is what keeps what is written to one student in the order it was written, whatever the
 * number of senders and their concurrency. A media download is ready at once and holds nothing back: it is
 * not part of that order. SKIP LOCKED lets several engine replicas relay side by side without blocking.
 */
export async function lockReadyOutboxRows(trx: Transaction<EngineDatabase>, limit: number) {
  return trx
    .selectFrom('outbox as o')
    .select(outboxColumns)
    .where('o.relayed_at', 'is', null)
    .where(({ or, eb, not, exists, selectFrom }) =>
      or([
        eb('o.kind', '=', 'download_media'),
        not(
          exists(
            selectFrom('outbox as earlier')
              .select(sql.lit(1).as('one'))
              .whereRef('earlier.conversation_id', '=', 'o.conversation_id')
              .whereRef('earlier.seq', '<', 'o.seq')
              .where('earlier.kind', '<>', 'download_media')
              .where('earlier.completed_at', 'is', null),
          ),
        ),
      ]),
    )
    .orderBy('o.seq')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Relayed rows whose outcome never came back (a queue lost in a Redis restart): to be queued again. */
export async function lockStaleRelayedRows(trx: Transaction<EngineDatabase>, olderThan: Date, limit: number) {
  return trx
    .selectFrom('outbox as o')
    .select(outboxColumns)
    .where('o.completed_at', 'is', null)
    .where('o.relayed_at', '<', olderThan)
    .orderBy('o.seq')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markRelayed(db: Db, ids: string[], at: Date) {
  if (ids.length === 0) return;
  await db.updateTable('outbox').set({ relayed_at: at }).where('id', 'in', ids).execute();
}

/** The job has its final outcome: the next of the student's messages may go. True when this completed it. */
export async function markCompleted(db: Db, where: { id: string } | { messageId: string; kind: OutboxJob['kind'] }, at: Date): Promise<boolean> {
  let query = db.updateTable('outbox').set({ completed_at: at }).where('completed_at', 'is', null);
  query = 'id' in where ? query.where('id', '=', where.id) : query.where('message_id', '=', where.messageId).where('kind', '=', where.kind);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Completes the download jobs of every message that carried this media id (one download serves them all). */
export async function completeDownloadsOf(db: Db, mediaId: string, at: Date) {
  await db
    .updateTable('outbox')
    .set({ completed_at: at })
    .where('kind', '=', 'download_media')
    .where('completed_at', 'is', null)
    .where('message_id', 'in', (eb) => eb.selectFrom('message_media').select('message_id').where('media_id', '=', mediaId))
    .execute();
}

/** Rows still open, for the metrics: not yet on BullMQ, on it without an outcome, and the oldest one's age. */
export async function openOutboxSummary(db: Db) {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('relayed_at', 'is', null).as('unrelayed'),
      eb.fn.countAll<string>().filterWhere('relayed_at', 'is not', null).as('awaiting_outcome'),
      eb.fn.min('created_at').as('oldest'),
    ])
    .where('completed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { unrelayed: Number(row.unrelayed), awaitingOutcome: Number(row.awaiting_outcome), oldest: row.oldest === null ? null : new Date(row.oldest) };
}

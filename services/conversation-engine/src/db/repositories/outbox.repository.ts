import { sql, type Kysely, type Transaction } from 'kysely';
import { traceCarrierOf } from '@app/telemetry';
import type { OutboxJob } from '../../domain/outbox-job';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

/** Earlier sends and mark-reads of the conversation that have no final outcome yet (downloads keep no order). */
const openBefore = (db: Db, conversationId: string) =>
  db
    .selectFrom('outbox as earlier')
    .select(sql.lit(1).as('one'))
    .where('earlier.conversation_id', '=', conversationId)
    .where('earlier.kind', '<>', 'download_media')
    .where('earlier.completed_at', 'is', null);

/**
 * Writes one job to the outbox. `messageId` is the message the job is about; one job of each kind per message,
 * so a second mark-read or download of the same message is dropped (false). A send or mark-read is ready at
 * once when nothing of the conversation is open before it (its writer holds the conversation's lock, so no
 * other writer adds one meanwhile); a download always is.
 */
export async function insertOutbox(
  db: Db,
  row: { id: string; messageId: string; conversationId: string; job: OutboxJob },
): Promise<boolean> {
  const ready = row.job.kind === 'download_media' ? sql<boolean>`true` : sql<boolean>`not exists (${openBefore(db, row.conversationId)})`;
  const inserted = await db
    .insertInto('outbox')
    .values({
      id: row.id,
      kind: row.job.kind,
      message_id: row.messageId,
      conversation_id: row.conversationId,
      job: JSON.stringify(row.job.data),
      ready,
      trace_context: traceContextColumn(),
    })
    .onConflict((oc) => oc.columns(['message_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Makes room for another typing indicator on the same message: the one before it is history once completed.
 * One still open stays, and the new one is then dropped: an indicator is already on its way.
 */
export async function deleteCompletedTyping(db: Db, messageId: string) {
  await db
    .deleteFrom('outbox')
    .where('message_id', '=', messageId)
    .where('kind', '=', 'typing')
    .where('completed_at', 'is not', null)
    .execute();
}

export async function findOutboxRow(db: Db, id: string, kind: OutboxJob['kind'] | readonly OutboxJob['kind'][]) {
  const kinds = typeof kind === 'string' ? [kind] : [...kind];
  return db
    .selectFrom('outbox')
    .select(['id', 'message_id', 'conversation_id'])
    .where('id', '=', id)
    .where('kind', 'in', kinds)
    .executeTakeFirst();
}

/**
 * The active trace context (the inbound event being handled, when tracing is on) for a row's trace_context:
 * it rides in the insert that happens anyway; null, and nothing serialised, when tracing is off.
 */
export function traceContextColumn(): string | null {
  const carrier = traceCarrierOf();
  return carrier ? JSON.stringify(carrier) : null;
}

const outboxColumns = ['o.id', 'o.kind', 'o.job', 'o.seq', 'o.message_id', 'o.conversation_id', 'o.trace_context'] as const;

/** An outbox row as the relay reads it: the job still unparsed (domain/outbox-job.ts reads it). */
export interface OutboxRow {
  id: string;
  kind: OutboxJob['kind'];
  job: unknown;
  seq: number;
  message_id: string;
  conversation_id: string;
  /** Unparsed too: the relay reads it with traceCarrierSchema. Absent or null when untraced. */
  trace_context?: unknown;
}

/**
 * Marks up to `limit` rows ready to go to a queue as relayed and returns them, oldest first, by index alone,
 * in one statement. A send or mark-read is ready when every earlier send or mark-read of the same
 * conversation is completed (the sender reported its final outcome): this is what keeps what is written to
 * one student in the order it was written, whatever the number of senders and their concurrency. A media
 * download is ready at once and holds nothing back. SKIP LOCKED lets several engine replicas relay side by
 * side without blocking. The caller queues them next; should that fail, it gives them back (unmarkRelayed),
 * and should it die first, they count as stale and are queued again (lockStaleRelayedRows).
 */
export async function takeReadyOutboxRows(db: Db, limit: number, at: Date) {
  const result = await sql<OutboxRow>`
    update outbox set relayed_at = ${at}
    where id in (select id from outbox where ready and relayed_at is null order by seq limit ${limit} for update skip locked)
    returning id, kind, job, seq, message_id, conversation_id, trace_context`.execute(db);
  return result.rows.sort((a, b) => a.seq - b.seq);
}

export async function unmarkRelayed(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ relayed_at: null })
    .where('id', 'in', [...ids])
    .where('completed_at', 'is', null)
    .execute();
}

/**
 * Makes ready the rows left waiting although nothing is open before them any more. The completion of a row
 * readies the next one itself; this catches the row whose writer checked just before a completion committed
 * (neither saw the other), and rows written by a replica of an older version. Reads only waiting rows: the
 * ones queued behind an open message.
 */
export async function readyWaitingRows(db: Db, limit = 500): Promise<number> {
  const result = await sql`
    update outbox o set ready = true
    where o.id in (
      select w.id from outbox w
      where not w.ready and w.completed_at is null
        and (w.kind = 'download_media' or not exists (
          select 1 from outbox e
          where e.conversation_id = w.conversation_id and e.seq < w.seq and e.kind <> 'download_media' and e.completed_at is null))
      order by w.seq limit ${limit})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
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

/**
 * The body of a CTE that readies, for each conversation of the rows a `completed` CTE (id, conversation_id,
 * kind) just completed, its next open send or mark-read: the rule that keeps one student's messages in the
 * order they were written. Both updates see the same snapshot, so the next row is looked for among the open
 * rows other than the ones completed in the same statement. Returns the conversations readied.
 */
export const readyNextAfterCompleted = sql`
      update outbox set ready = true
      where not ready and id in (
        select distinct on (conversation_id) id from outbox
        where conversation_id in (select conversation_id from completed where kind <> 'download_media')
          and kind <> 'download_media' and completed_at is null and id not in (select id from completed)
        order by conversation_id, seq)
      returning conversation_id`;

/**
 * Jobs that have their final outcome (by outbox id, or the sends of these messages), and the next send or
 * mark-read of each of their conversations becomes ready: the student's next message may go. One statement:
 * both updates see the same snapshot, so the next row is looked for among the open rows other than the ones
 * completed here. Returns the rows this completed (those completed already are left as they are).
 */
export async function completeOutboxRows(db: Db, which: { ids: readonly string[] } | { sendsOf: readonly string[] }, at: Date) {
  const keys = 'ids' in which ? which.ids : which.sendsOf;
  if (keys.length === 0) return [];
  const filter =
    'ids' in which ? sql`id = any(${sql.val([...keys])}::uuid[])` : sql`kind = 'send' and message_id = any(${sql.val([...keys])}::uuid[])`;
  const result = await sql<{ id: string; message_id: string }>`
    with completed as (
      update outbox set completed_at = ${at} where completed_at is null and ${filter}
      returning id, message_id, conversation_id, kind),
    readied as (${readyNextAfterCompleted})
    select id, message_id from completed`.execute(db);
  return result.rows;
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
  return {
    unrelayed: Number(row.unrelayed),
    awaitingOutcome: Number(row.awaiting_outcome),
    oldest: row.oldest === null ? null : new Date(row.oldest),
  };
}

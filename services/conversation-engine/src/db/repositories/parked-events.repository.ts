import { sql, type Kysely, type Transaction } from 'kysely';
import { replaceLoneSurrogates } from '../../domain/sanitize';
import type { EngineDatabase } from '../database';
import type { ParkedSource, ParkedStatus } from '../tables/parked-events-tables';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

/** The most payload kept per parked event; longer ones are cut and marked. */
const PARKED_PAYLOAD_MAX = 64 * 1024;
const TRUNCATED = '…[truncated]';

export interface ParkedEventInput {
  id: string;
  source: ParkedSource;
  subject: string;
  streamSeq: number | null;
  phoneNumber: string | null;
  payload: string;
  error: string;
  attempts: number;
}

function boundedPayload(payload: string): string {
  return payload.length <= PARKED_PAYLOAD_MAX ? payload : payload.slice(0, PARKED_PAYLOAD_MAX - TRUNCATED.length) + TRUNCATED;
}

/** Text Postgres can store: NUL escaped as the JSON escape would write it, lone surrogates replaced. */
function storable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return replaceLoneSurrogates(text.replace(/\u0000/g, '\\u0000'));
}

/**
 * Parks an event; parking the same stream message again (a crash between this commit and the term) keeps
 * one row and records the latest attempts and error while it is still parked.
 */
export async function parkEvent(db: Db, input: ParkedEventInput): Promise<void> {
  await db
    .insertInto('parked_events')
    .values({
      id: input.id,
      source: input.source,
      subject: input.subject,
      stream_seq: input.streamSeq,
      phone_number: input.phoneNumber,
      payload: boundedPayload(storable(input.payload)),
      error: storable(input.error).slice(0, 2_000),
      attempts: input.attempts,
    })
    .onConflict((oc) =>
      oc
        .columns(['source', 'subject', 'stream_seq'])
        .doUpdateSet({ attempts: sql`greatest(parked_events.attempts, excluded.attempts)`, error: sql`excluded.error` })
        .where('parked_events.status', '=', 'parked'),
    )
    .execute();
}

export async function findParkedEvent(db: Db, id: string, lock = false) {
  let query = db.selectFrom('parked_events').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export type ParkedEventRow = NonNullable<Awaited<ReturnType<typeof findParkedEvent>>>;

/** Newest first, keyset after (parked_at, id) given as microsecond ISO text. */
export async function listParkedEventRows(db: Db, status: ParkedStatus, limit: number, after?: { parkedAt: string; id: string }) {
  let query = db
    .selectFrom('parked_events')
    .selectAll()
    .select(sql<string>`to_char(parked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('parked_at_micros'))
    .where('status', '=', status);
  if (after) query = query.where(sql<boolean>`(parked_at, id) < (${after.parkedAt}::timestamptz, ${after.id}::uuid)`);
  return query.orderBy('parked_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function resolveParkedEvent(db: Db, id: string, status: Exclude<ParkedStatus, 'parked'>, by: string, now: Date) {
  return db
    .updateTable('parked_events')
    .set({ status, resolved_at: now, resolved_by: by })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function recordParkedFailure(db: Db, id: string, error: string) {
  return db
    .updateTable('parked_events')
    .set({ attempts: sql`attempts + 1`, error: storable(error).slice(0, 2_000) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Retention: resolved rows (retried, discarded) resolved before `before`. */
export async function deleteResolvedParkedEvents(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('parked_events').where('status', '<>', 'parked').where('resolved_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

export interface OfficeHoursRow {
  enabled: boolean;
  time_zone: string;
  weekly: unknown;
  updated_at: Date;
  updated_by: string | null;
}

export interface ClosureRow {
  id: string;
  start_date: string;
  end_date: string;
  reason: string;
  created_at: Date;
  created_by: string | null;
}

export async function readOfficeHours(db: Db): Promise<OfficeHoursRow | undefined> {
  return db
    .selectFrom('office_hours')
    .select(['enabled', 'time_zone', 'weekly', 'updated_at', 'updated_by'])
    .where('id', '=', 1)
    .executeTakeFirst();
}

/** Replaces the schedule in one statement: a reader sees the old one or the new one, never a mix. */
export async function saveOfficeHours(db: Db, row: { enabled: boolean; timeZone: string; weekly: unknown; by: string; at: Date }) {
  const values = {
    enabled: row.enabled,
    time_zone: row.timeZone,
    weekly: JSON.stringify(row.weekly),
    updated_at: row.at,
    updated_by: row.by,
  };
  await db
    .insertInto('office_hours')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

const closureColumns = [
  'id',
  sql<string>`start_date::text`.as('start_date'),
  sql<string>`end_date::text`.as('end_date'),
  'reason',
  'created_at',
  'created_by',
] as const;

/** Closures ending on `fromDate` or later, soonest first; at most `limit` (the stored count is bounded too). */
export async function listClosuresFrom(db: Db, fromDate: string, limit: number): Promise<ClosureRow[]> {
  return db
    .selectFrom('office_hours_closures')
    .select(closureColumns)
    .where('end_date', '>=', fromDate)
    .orderBy('start_date')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Closures that ended before `date`: kept a year for the record, then removed so the count stays bounded. */
export async function deleteClosuresEndedBefore(db: Db, date: string) {
  await db.deleteFrom('office_hours_closures').where('end_date', '<', date).execute();
}

export async function countClosures(db: Db): Promise<number> {
  const row = await db
    .selectFrom('office_hours_closures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Serialises closure writers (a count checked, then an insert), across replicas, until the transaction ends. */
export async function lockClosures(trx: Transaction<EngineDatabase>) {
  await sql`select pg_advisory_xact_lock(hashtext('office_hours_closures'))`.execute(trx);
}

export async function insertClosure(
  db: Db,
  row: { id: string; startDate: string; endDate: string; reason: string; by: string; at: Date },
): Promise<ClosureRow> {
  return db
    .insertInto('office_hours_closures')
    .values({ id: row.id, start_date: row.startDate, end_date: row.endDate, reason: row.reason, created_by: row.by, created_at: row.at })
    .returning(closureColumns)
    .executeTakeFirstOrThrow();
}

export async function deleteClosure(db: Db, id: string): Promise<ClosureRow | undefined> {
  return db.deleteFrom('office_hours_closures').where('id', '=', id).returning(closureColumns).executeTakeFirst();
}

/** Marks the conversation's open chat as asked for outside office hours. */
export async function markChatArrivedOutsideHours(db: Db, conversationId: string) {
  await db
    .updateTable('support_chats')
    .set({ arrived_outside_hours: true })
    .where('conversation_id', '=', conversationId)
    .where('status', '=', 'waiting')
    .execute();
}

/** Chats requested since `since` outside office hours, and those still open that were. */
export async function outsideHoursCounts(db: Db, since: Date) {
  return db
    .selectFrom('support_chats')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('requested_at', '>=', since).as('today'),
      eb.fn.countAll<number>().filterWhere('status', 'in', ['waiting', 'active']).as('open'),
    ])
    .where('arrived_outside_hours', '=', true)
    .where((eb) => eb.or([eb('requested_at', '>=', since), eb('status', 'in', ['waiting', 'active'])]))
    .executeTakeFirstOrThrow();
}

import { sql, type Kysely } from 'kysely';
import type { EngineDatabase } from './database';

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
      select ctid from ${sql.table(table)} where ${column} < ${before} order by ${column} limit ${limit} for update skip locked)`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

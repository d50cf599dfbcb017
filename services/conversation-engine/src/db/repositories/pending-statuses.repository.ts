import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { MessagePricing } from '../../domain/pricing';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

export async function keepPendingStatus(
  db: Db,
  row: { wamid: string; status: string; error: { code: number; title: string } | null; pricing?: MessagePricing | null },
) {
  const pricing = row.pricing
    ? { type: row.pricing.type, category: row.pricing.category, pricedAt: row.pricing.pricedAt.toISOString() }
    : null;
  await db
    .insertInto('pending_statuses')
    .values({
      wamid: row.wamid,
      status: row.status,
      error: row.error ? JSON.stringify(row.error) : null,
      pricing: pricing ? JSON.stringify(pricing) : null,
    })
    .onConflict((oc) => oc.columns(['wamid', 'status']).doNothing())
    .execute();
}

/** The advisory lock of one wamid (a text expression), the key lockWamids and the send results share. */
export const lockWamid = (wamid: RawBuilder<unknown>) => sql`pg_advisory_xact_lock(hashtextextended('wamid:' || ${wamid}, 0))`;

/**
 * Serialises, until commit, the transactions that touch a wamid: a status webhook (which parks itself as
 * pending when the wamid is unknown) and the send result that records the wamid (and takes what is pending).
 * Without it the two could each miss the other: the status finds no message, the result finds nothing
 * pending, and the parked status is never applied. Taken before any row lock, in both, so they cannot
 * deadlock; many at once in a fixed order, so two batches sharing wamids cannot either.
 */
export async function lockWamids(trx: Transaction<EngineDatabase>, wamids: readonly string[]): Promise<void> {
  if (wamids.length === 0) return;
  await sql`
    select ${lockWamid(sql.raw('w'))}
    from (select distinct w from unnest(${sql.val([...wamids])}::text[]) as w order by w) as sorted`.execute(trx);
}

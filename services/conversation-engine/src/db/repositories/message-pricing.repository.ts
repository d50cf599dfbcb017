import { sql, type Kysely, type Transaction } from 'kysely';
import { BILLABLE_PRICING_TYPE } from '../../domain/pricing';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

/**
 * Billable messages priced since `since`, per category. Reads the partial index messages_billable_priced_at
 * (billable rows only, by priced_at): the cost grows with today's billable messages, not with the table.
 */
export async function billableCountsSince(db: Db, since: Date) {
  return (
    db
      .selectFrom('messages')
      .select((eb) => ['pricing_category', eb.fn.countAll<string>().as('count')])
      // A literal, not a parameter, so that the planner always matches the partial index's predicate.
      .where('pricing_type', '=', sql.lit(BILLABLE_PRICING_TYPE))
      .where('priced_at', '>=', since)
      .groupBy('pricing_category')
      .execute()
  );
}

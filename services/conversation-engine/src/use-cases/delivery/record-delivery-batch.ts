import type { Kysely, Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { mergeChanges, type Changes, type Committed } from '../shared/changes';

/** One delivery event's work inside the batch's transaction: what its commit will have changed. */
export type DeliveryStep = (trx: Transaction<EngineDatabase>, now: Date) => Promise<Changes>;

/**
 * What whatsapp-sender reported (send results, read results, media outcomes), several events in one
 * transaction: each is applied exactly as alone (its own dedupe row), and one commit makes them all durable.
 * Their order does not matter: a student has one send in flight at a time, and results of admin retries
 * settle by round number, not by arrival.
 */
export async function recordDeliveryBatch(
  deps: { db: Kysely<EngineDatabase>; now: () => Date },
  steps: readonly DeliveryStep[],
): Promise<Committed<{ steps: number }>> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const changes: Changes[] = [];
    for (const step of steps) changes.push(await step(trx, now));
    return { outcome: { steps: steps.length }, changes: mergeChanges(...changes) };
  });
}

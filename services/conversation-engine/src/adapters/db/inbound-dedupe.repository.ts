import type { Kysely, Transaction } from 'kysely';
import type { EngineDatabase } from './database';

/** True the first time an event id is seen; false for a redelivery (already processed and committed). */
export async function claimInboundEvent(db: Kysely<EngineDatabase> | Transaction<EngineDatabase>, eventId: string): Promise<boolean> {
  const row = await db
    .insertInto('inbound_dedupe')
    .values({ event_id: eventId })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return row !== undefined;
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { EngineDatabase } from '../database';

/** True the first time an event id is seen; false for a redelivery (already processed and committed). */
export async function claimInboundEvent(db: Kysely<EngineDatabase> | Transaction<EngineDatabase>, eventId: string): Promise<boolean> {
  return (await claimInboundEvents(db, [eventId])).has(eventId);
}

/** Claims many event ids at once; returns the ones seen for the first time. */
async function claimInboundEvents(db: Kysely<EngineDatabase> | Transaction<EngineDatabase>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql<{ event_id: string }>`
    insert into inbound_dedupe (event_id) select unnest(${sql.val([...ids])}::text[])
    on conflict (event_id) do nothing returning event_id`.execute(db);
  return new Set(rows.rows.map((r) => r.event_id));
}

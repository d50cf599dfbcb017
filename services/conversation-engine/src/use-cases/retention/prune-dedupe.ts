import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { deleteResolvedParkedEvents } from '../../db/repositories/parked-events.repository';
import { deleteOlderThan, PRUNABLE, type PrunableTable } from '../../db/repositories/retention.repository';

export interface PruneDeps {
  db: Kysely<EngineDatabase>;
  now: () => Date;
  retentionDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Forgets dedupe rows past Meta's redelivery horizon (Meta retries a webhook for up to 7 days; the default
 * horizon is 30): an inbound_dedupe row that old can no longer stop a duplicate, and a pending status that
 * old can no longer meet its send result (that arrives within seconds, or after a re-queue, within hours).
 * Parked events an admin resolved (retried, discarded) that long ago go too; unresolved ones stay until an
 * admin acts. Deletes in batches until a batch comes back short, so one run never holds a long lock.
 */
export async function pruneDedupe(deps: PruneDeps, batchSize = 5_000): Promise<Record<PrunableTable | 'parked_events', number>> {
  const before = new Date(deps.now().getTime() - deps.retentionDays * DAY_MS);
  const deleted = { inbound_dedupe: 0, pending_statuses: 0, parked_events: 0 };
  for (const table of Object.keys(PRUNABLE) as PrunableTable[]) {
    for (;;) {
      const n = await deleteOlderThan(deps.db, table, before, batchSize);
      deleted[table] += n;
      if (n < batchSize) break;
    }
  }
  deleted.parked_events = await deleteResolvedParkedEvents(deps.db, before);
  return deleted;
}

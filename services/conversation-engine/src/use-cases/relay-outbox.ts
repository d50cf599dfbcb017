import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../adapters/db/database';
import { lockStaleRelayedRows, markRelayed, readyWaitingRows, takeReadyOutboxRows, unmarkRelayed } from '../adapters/db/outbox.repository';
import { parseOutboxJob, type OutboxJob } from '../domain/outbox-job';

export interface RelayDeps {
  db: Kysely<EngineDatabase>;
  /**
   * Adds the jobs to their queues with stable job ids (a send's message id, a mark-read's request id, a
   * download's media id): adding one that is already queued is a no-op.
   */
  enqueue: (jobs: OutboxJob[]) => Promise<void>;
  now: () => Date;
}

/**
 * Moves ready outbox rows to the queues: each round marks a batch relayed in one statement, then queues it.
 * If queueing fails the rows are given back at once; if the process dies in between, they are queued again
 * as stale (same job ids, so a job that did reach the queue is not added twice): the relay can repeat
 * itself harmlessly and loses nothing.
 */
export async function relayOutbox(deps: RelayDeps, batchSize = 100): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await takeReadyOutboxRows(deps.db, batchSize, deps.now());
    if (rows.length === 0) return total;
    try {
      await deps.enqueue(rows.map(parseOutboxJob));
    } catch (error) {
      await unmarkRelayed(deps.db, rows.map((r) => r.id)).catch(() => undefined);
      throw error;
    }
    total += rows.length;
    if (rows.length < batchSize) return total;
  }
}

/**
 * Queues again the rows relayed long ago with no outcome yet. Redis here may keep nothing on disk: if a
 * restart lost the queue, the outbox (in Postgres) is the truth and the jobs go out anyway. A job that is
 * still in the queue is not added twice (same job id), and the sender never resends a message whose wamid
 * it recorded.
 */
export async function requeueStaleOutbox(deps: RelayDeps, staleAfterMs: number, batchSize = 100): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const rows = await lockStaleRelayedRows(trx, new Date(now.getTime() - staleAfterMs), batchSize);
    if (rows.length === 0) return 0;
    await deps.enqueue(rows.map(parseOutboxJob));
    await markRelayed(trx, rows.map((r) => r.id), now);
    return rows.length;
  });
}

/**
 * Readies the rows whose turn has come although no completion readied them (see readyWaitingRows): the
 * relay's safety net, run on its timer, not on every kick.
 */
export async function readyWaitingOutbox(deps: Pick<RelayDeps, 'db'>): Promise<number> {
  return readyWaitingRows(deps.db);
}

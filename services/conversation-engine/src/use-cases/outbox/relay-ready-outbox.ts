import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from '@app/logging';
import type { EngineDatabase } from '../../db/database';
import {
  lockStaleRelayedRows,
  markRelayed,
  readyWaitingRows,
  takeReadyOutboxRows,
  unmarkRelayed,
  type OutboxRow,
} from '../../db/repositories/outbox.repository';
import { parseOutboxJob, type OutboxJob } from '../../domain/outbox-job';
import { withStoredTrace } from '../../domain/outbox-trace';
import { parkUnreadableOutboxRows, type UnreadableOutboxRow } from './park-unreadable-outbox';

export interface RelayDeps {
  db: Kysely<EngineDatabase>;
  /**
   * Adds the jobs to their queues with stable job ids (a send's message id, a mark-read's request id, a
   * download's media id): adding one that is already queued is a no-op.
   */
  enqueue: (jobs: OutboxJob[]) => Promise<void>;
  now: () => Date;
  /** Ids of parked_events rows (unreadable outbox rows); random UUIDs by default. */
  newId?: () => string;
  log?: Logger;
  /** An unreadable row was parked (metrics.parked). */
  onParked?: (source: 'outbox') => void;
}

/** The rows whose job reads, with their jobs in the same order, and the ones that do not, with why. */
function readRows(rows: readonly OutboxRow[]) {
  const readable: { row: OutboxRow; job: OutboxJob }[] = [];
  const unreadable: UnreadableOutboxRow[] = [];
  for (const row of rows) {
    try {
      readable.push({ row, job: withStoredTrace(parseOutboxJob(row), row.trace_context) });
    } catch (error) {
      unreadable.push({ ...row, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { readable, unreadable };
}

const parkDeps = (deps: RelayDeps, db: ParkDb = deps.db) => ({
  db,
  now: deps.now,
  newId: deps.newId ?? randomUUID,
  log: deps.log,
  onParked: deps.onParked,
});
type ParkDb = Parameters<typeof parkUnreadableOutboxRows>[0]['db'];

/**
 * Moves ready outbox rows to the queues: each round marks a batch relayed in one statement, then queues it.
 * If queueing fails the rows are given back at once; if the process dies in between, they are queued again
 * as stale (same job ids, so a job that did reach the queue is not added twice): the relay can repeat
 * itself harmlessly and loses nothing. A row whose job cannot be read is parked and failed first
 * (park-unreadable-outbox.ts), so it holds up neither the batch nor its conversation's next rows.
 */
export async function relayReadyOutbox(deps: RelayDeps, batchSize = 100): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await takeReadyOutboxRows(deps.db, batchSize, deps.now());
    if (rows.length === 0) return total;
    total += await queueTakenRows(deps, rows);
    if (rows.length < batchSize) return total;
  }
}

/**
 * Queues rows already marked relayed (by the relay, or by the transaction that wrote them), parking the
 * unreadable ones. If queueing fails they are given back (unmarked) for the relay to take again, and the
 * error is thrown. Returns how many were queued.
 */
export async function queueTakenRows(deps: RelayDeps, rows: readonly OutboxRow[]): Promise<number> {
  const { readable, unreadable } = readRows(rows);
  try {
    await parkUnreadableOutboxRows(parkDeps(deps), unreadable);
    if (readable.length > 0) await deps.enqueue(readable.map((r) => r.job));
  } catch (error) {
    // Parked rows are completed: giving them back changes nothing (unmarkRelayed skips completed rows).
    await unmarkRelayed(
      deps.db,
      rows.map((r) => r.id),
    ).catch(() => undefined);
    throw error;
  }
  return readable.length;
}

/**
 * Queues again the rows relayed long ago with no outcome yet. Redis here may keep nothing on disk: if a
 * restart lost the queue, the outbox (in Postgres) is the truth and the jobs go out anyway. A job that is
 * still in the queue is not added twice (same job id), and the sender never resends a message whose wamid
 * it recorded. An unreadable one (written by an older version, edited by hand) is parked, as in relayReadyOutbox.
 */
export async function requeueStaleOutbox(deps: RelayDeps, staleAfterMs: number, batchSize = 100): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const rows = await lockStaleRelayedRows(trx, new Date(now.getTime() - staleAfterMs), batchSize);
    if (rows.length === 0) return 0;
    const { readable, unreadable } = readRows(rows);
    await parkUnreadableOutboxRows(parkDeps(deps, trx), unreadable);
    if (readable.length === 0) return 0;
    await deps.enqueue(readable.map((r) => r.job));
    await markRelayed(
      trx,
      readable.map((r) => r.row.id),
      now,
    );
    return readable.length;
  });
}

/**
 * Readies the rows whose turn has come although no completion readied them (see readyWaitingRows): the
 * relay's safety net, run on its timer, not on every kick.
 */
export async function readyWaitingOutbox(deps: Pick<RelayDeps, 'db'>): Promise<number> {
  return readyWaitingRows(deps.db);
}

import type { Actor, ParkedEventView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import {
  findParkedEvent,
  recordParkedFailure,
  resolveParkedEvent,
  type ParkedEventRow,
} from '../../db/repositories/parked-events.repository';
import { EngineCommandError } from '../../domain/engine-error';
import { toParkedEventView } from './parked-view';

export interface RetryParkedDeps {
  db: Kysely<EngineDatabase>;
  now: () => Date;
  /**
   * Handles the stored event once more through the path it came by (inbound: dedupe by wamid, so a retry
   * never doubles; delivery: once per event id), committed; throws if that failed.
   */
  replay: (row: ParkedEventRow) => Promise<void>;
  describe: (error: unknown) => string;
}

/** An admin's retry: success marks the event retried; a failure keeps it parked, one attempt more, new error. */
export async function retryParkedEvent(deps: RetryParkedDeps, request: { id: string; actor: Actor }): Promise<ParkedEventView> {
  const row = await findParkedEvent(deps.db, request.id);
  if (!row) throw new EngineCommandError('not_found', 'no parked event with this id');
  if (row.status !== 'parked') throw new EngineCommandError('invalid_request', `the event is ${row.status}, not parked`);
  if (row.source === 'outbox')
    throw new EngineCommandError('invalid_request', 'outbox rows cannot be retried; discard it and resend from the conversation');
  try {
    await deps.replay(row);
  } catch (error) {
    return toParkedEventView(await recordParkedFailure(deps.db, row.id, deps.describe(error)));
  }
  return toParkedEventView(await resolveParkedEvent(deps.db, row.id, 'retried', request.actor.id, deps.now()));
}

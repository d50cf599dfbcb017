import type { Actor, ParkedEventView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { findParkedEvent, resolveParkedEvent } from '../../db/repositories/parked-events.repository';
import { EngineCommandError } from '../../domain/engine-error';
import { toParkedEventView } from './parked-view';

/** An admin gives up on the event (kept for the record until retention). */
export async function discardParkedEvent(
  deps: { db: Kysely<EngineDatabase>; now: () => Date },
  request: { id: string; actor: Actor },
): Promise<ParkedEventView> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findParkedEvent(trx, request.id, true);
    if (!row) throw new EngineCommandError('not_found', 'no parked event with this id');
    if (row.status !== 'parked') throw new EngineCommandError('invalid_request', `the event is ${row.status}, not parked`);
    return toParkedEventView(await resolveParkedEvent(trx, row.id, 'discarded', request.actor.id, deps.now()));
  });
}

import { MAX_CLOSURES, type Actor, type ClosureView, type NewClosure } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { countClosures, deleteClosuresEndedBefore, insertClosure, lockClosures } from '../../db/repositories/office-hours.repository';
import { addDays, dateOfWall } from '../../domain/support/office-hours-clock';
import { EngineCommandError } from '../../domain/engine-error';
import type { Committed } from '../shared/changes';
import { officeHoursChanged, toClosureView } from './office-hours-view';

/** Closures that ended longer ago than this are removed when one is added. */
const CLOSURE_RETENTION_DAYS = 366;

/**
 * A dated closure (holiday, term break); at most MAX_CLOSURES are kept, counted under a lock so replicas agree,
 * after removing those past retention.
 */
export async function addOfficeHoursClosure(
  deps: { db: Kysely<EngineDatabase>; now: () => Date; newId: () => string },
  request: { actor: Actor; closure: NewClosure },
): Promise<Committed<{ closure: ClosureView }>> {
  const closure = await deps.db.transaction().execute(async (trx) => {
    await lockClosures(trx);
    await deleteClosuresEndedBefore(trx, addDays(dateOfWall(deps.now().getTime()), -CLOSURE_RETENTION_DAYS));
    if ((await countClosures(trx)) >= MAX_CLOSURES)
      throw new EngineCommandError('invalid_request', `at most ${MAX_CLOSURES} closures are kept: remove old ones first`);
    const { start_date: startDate, end_date: endDate, reason } = request.closure;
    return toClosureView(
      await insertClosure(trx, { id: deps.newId(), startDate, endDate, reason, by: request.actor.name, at: deps.now() }),
    );
  });
  return { outcome: { closure }, changes: officeHoursChanged() };
}

import type { ClosureView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { deleteClosure } from '../../db/repositories/office-hours.repository';
import { EngineCommandError } from '../../domain/engine-error';
import type { Committed } from '../shared/changes';
import { officeHoursChanged, toClosureView } from './office-hours-view';

export async function removeOfficeHoursClosure(
  deps: { db: Kysely<EngineDatabase> },
  request: { id: string },
): Promise<Committed<{ closure: ClosureView }>> {
  const removed = await deleteClosure(deps.db, request.id);
  if (!removed) throw new EngineCommandError('not_found', 'no closure with this id');
  return { outcome: { closure: toClosureView(removed) }, changes: officeHoursChanged() };
}

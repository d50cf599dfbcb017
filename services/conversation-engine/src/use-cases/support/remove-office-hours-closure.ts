import type { ClosureView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../adapters/db/database';
import { deleteClosure } from '../../adapters/db/office-hours.repository';
import { EngineCommandError } from '../../domain/engine-error';
import { toClosureView } from './office-hours-view';

export async function removeOfficeHoursClosure(deps: { db: Kysely<EngineDatabase> }, request: { id: string }): Promise<ClosureView> {
  const removed = await deleteClosure(deps.db, request.id);
  if (!removed) throw new EngineCommandError('not_found', 'no closure with this id');
  return toClosureView(removed);
}

import type { OfficeHoursView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { loadOfficeSchedule } from './load-office-schedule';
import { toOfficeHoursView } from './office-hours-view';

export async function getOfficeHours(deps: { db: Kysely<EngineDatabase>; now: () => Date }): Promise<OfficeHoursView> {
  const now = deps.now();
  return toOfficeHoursView(await loadOfficeSchedule(deps.db, now), now);
}

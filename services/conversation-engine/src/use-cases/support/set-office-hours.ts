import type { Actor, OfficeHoursSettings, OfficeHoursView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../adapters/db/database';
import { saveOfficeHours } from '../../adapters/db/office-hours.repository';
import { loadOfficeSchedule } from './load-office-schedule';
import { toOfficeHoursView } from './office-hours-view';

/** Replaces the weekly schedule and time zone (already validated by the contract); answers the new view. */
export async function setOfficeHours(deps: { db: Kysely<EngineDatabase>; now: () => Date }, request: { actor: Actor; settings: OfficeHoursSettings }): Promise<OfficeHoursView> {
  const now = deps.now();
  const { enabled, time_zone: timeZone, weekly } = request.settings;
  await saveOfficeHours(deps.db, { enabled, timeZone, weekly, by: request.actor.name, at: now });
  return toOfficeHoursView(await loadOfficeSchedule(deps.db, now), now);
}

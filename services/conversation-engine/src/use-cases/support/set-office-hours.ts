import type { Actor, OfficeHoursSettings, OfficeHoursView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { saveOfficeHours } from '../../db/repositories/office-hours.repository';
import type { Committed } from '../shared/changes';
import { loadOfficeSchedule } from './load-office-schedule';
import { officeHoursChanged, toOfficeHoursView } from './office-hours-view';

/** Replaces the weekly schedule and time zone (already validated by the contract); answers the new view. */
export async function setOfficeHours(
  deps: { db: Kysely<EngineDatabase>; now: () => Date },
  request: { actor: Actor; settings: OfficeHoursSettings },
): Promise<Committed<OfficeHoursView>> {
  const now = deps.now();
  const { enabled, time_zone: timeZone, weekly } = request.settings;
  await saveOfficeHours(deps.db, { enabled, timeZone, weekly, by: request.actor.name, at: now });
  return { outcome: toOfficeHoursView(await loadOfficeSchedule(deps.db, now), now), changes: officeHoursChanged() };
}

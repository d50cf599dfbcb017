import type { EngineEvent } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { Changes } from '../../use-cases/shared/changes';
import { loadOfficeSchedule } from '../../use-cases/support/load-office-schedule';
import { officeHoursStatus } from '../../use-cases/support/office-hours-view';
import type { EngineDatabase } from '../../db/database';

/** office_hours.updated when the schedule or a closure changed: open or closed now, read after the commit. */
export async function officeHoursEvents(db: Kysely<EngineDatabase>, changes: Changes, occurredAt: string): Promise<EngineEvent[]> {
  if (!changes.officeHours) return [];
  const now = new Date();
  const status = officeHoursStatus(await loadOfficeSchedule(db, now), now);
  return [{ event: 'office_hours.updated', phone_number: null, user_id: null, office_hours: status, occurredAt }];
}

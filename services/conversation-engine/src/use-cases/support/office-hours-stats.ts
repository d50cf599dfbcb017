import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { outsideHoursCounts } from '../../db/repositories/office-hours.repository';
import { loadOfficeSchedule } from './load-office-schedule';
import { officeHoursStatus } from './office-hours-view';

/** The dashboard's office-hours figures: open now, and what arrived while closed (today; still open). */
export async function officeHoursStats(db: Kysely<EngineDatabase>, now: Date, todayStart: Date) {
  const [loaded, counts] = await Promise.all([loadOfficeSchedule(db, now), outsideHoursCounts(db, todayStart)]);
  return {
    arrived_while_closed_today: Number(counts.today),
    open_arrived_while_closed: Number(counts.open),
    office_hours: officeHoursStatus(loaded, now),
  };
}

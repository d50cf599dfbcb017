import { isKnownTimeZone, MAX_CLOSURES, weeklyScheduleSchema } from '@app/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { listClosuresFrom, readOfficeHours, type ClosureRow, type OfficeHoursRow } from '../../db/repositories/office-hours.repository';
import { addDays, dateOfWall } from '../../domain/support/office-hours-clock';
import type { OfficeSchedule } from '../../domain/support/office-hours';

export interface LoadedOfficeHours {
  row: OfficeHoursRow | undefined;
  /** Closures ending yesterday (UTC) or later: every one that can still cover a day in any zone. */
  closures: ClosureRow[];
  /**
   * Null when not configured (always open). A stored schedule that no longer parses, or whose zone this
   * runtime does not know, counts as not configured: a student's message must never fail on it.
   */
  schedule: OfficeSchedule | null;
}

/** The schedule as stored, with the closures that still matter at `now`: two small reads (one row, a bounded list). */
export async function loadOfficeSchedule(db: Kysely<EngineDatabase> | Transaction<EngineDatabase>, now: Date): Promise<LoadedOfficeHours> {
  const [row, closures] = await Promise.all([
    readOfficeHours(db),
    listClosuresFrom(db, addDays(dateOfWall(now.getTime()), -1), MAX_CLOSURES),
  ]);
  const weekly = row ? weeklyScheduleSchema.safeParse(row.weekly) : undefined;
  if (!row || !weekly?.success || !isKnownTimeZone(row.time_zone)) return { row, closures, schedule: null };
  return {
    row,
    closures,
    schedule: {
      enabled: row.enabled,
      timeZone: row.time_zone,
      weekly: weekly.data,
      closures: closures.map((c) => ({ startDate: c.start_date, endDate: c.end_date })),
    },
  };
}

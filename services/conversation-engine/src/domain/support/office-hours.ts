import { minutesOf, type Weekday } from '@app/contracts';
import { addDays, localClock, wallInstant, weekdayOf } from './office-hours-clock';

// When the support team answers. Periods are wall-clock times in the school's zone and never cross midnight
// (validation rejects it: libs/contracts office-hours.schema.ts); a night shift is `22:00-24:00` plus the next
// day's `00:00-02:00`, and an opening runs on through touching periods, so it closes at 02:00. Closures are
// the school's calendar dates, both ends included. Off means always open: what happened before office hours.

export interface OfficeSchedule {
  enabled: boolean;
  timeZone: string;
  /** Each weekday's periods, sorted by start, not overlapping. */
  weekly: Readonly<Record<Weekday, readonly { start: string; end: string }[]>>;
  closures: readonly { startDate: string; endDate: string }[];
}

/** How far ahead an opening is looked for: past any run of closures a school sets (each spans <= 366 days). */
const NEXT_OPENING_HORIZON_DAYS = 800;
/** Touching periods followed to find a closing: a schedule open around the clock has none within reach. */
const MAX_HOPS = 400;

const isClosureDay = (schedule: OfficeSchedule, date: string) => schedule.closures.some((c) => c.startDate <= date && date <= c.endDate);

function periodAt(schedule: OfficeSchedule, at: Date) {
  const clock = localClock(at, schedule.timeZone);
  if (isClosureDay(schedule, clock.date)) return { clock, period: undefined };
  const period = schedule.weekly[clock.weekday].find((p) => minutesOf(p.start) <= clock.minute && clock.minute < minutesOf(p.end));
  return { clock, period };
}

export function isOpen(schedule: OfficeSchedule, at: Date): boolean {
  return !schedule.enabled || periodAt(schedule, at).period !== undefined;
}

/** The first moment at or after `at` in office hours (`at` itself when open); null when none is within reach. */
export function nextOpening(schedule: OfficeSchedule, at: Date): Date | null {
  if (isOpen(schedule, at)) return at;
  const today = localClock(at, schedule.timeZone).date;
  for (let i = 0; i <= NEXT_OPENING_HORIZON_DAYS; i++) {
    const date = addDays(today, i);
    if (isClosureDay(schedule, date)) continue;
    for (const period of schedule.weekly[weekdayOf(date)]) {
      const start = wallInstant(date, minutesOf(period.start), schedule.timeZone);
      if (start > at && isOpen(schedule, start)) return start;
    }
  }
  return null;
}

/** The first moment after `at` out of office hours, when open at `at`; null when closed, off, or open throughout. */
export function nextClosing(schedule: OfficeSchedule, at: Date): Date | null {
  if (!schedule.enabled) return null;
  let t = at;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const { clock, period } = periodAt(schedule, t);
    if (!period) return hop === 0 ? null : t;
    let end = wallInstant(clock.date, minutesOf(period.end), schedule.timeZone);
    // In the hour the clocks went back through, the first reading of `end` may lie behind us: take the second.
    if (end <= t) end = new Date(t.getTime() + (minutesOf(period.end) - clock.minute) * 60_000);
    if (!isOpen(schedule, end)) return end;
    t = end;
  }
  return null;
}

/** Whether the team is in hours at `at`, and when that next changes (null: not within reach, or never). */
export function officeHoursNow(schedule: OfficeSchedule, at: Date): { open: boolean; nextChangeAt: Date | null } {
  if (!schedule.enabled) return { open: true, nextChangeAt: null };
  if (isOpen(schedule, at)) return { open: true, nextChangeAt: nextClosing(schedule, at) };
  return { open: false, nextChangeAt: nextOpening(schedule, at) };
}

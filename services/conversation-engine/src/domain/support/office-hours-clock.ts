import { WEEKDAYS, type Weekday } from '@app/contracts';

// Wall clocks in a named time zone through Intl (the runtime's own IANA database): no offset tables here.
// A period's start and end are wall-clock times, so each day's instants are worked out from the zone's
// offset on that day, which is what keeps a schedule right across daylight-saving changes.

const MINUTE = 60_000;
const DAY_MS = 86_400_000;

export interface LocalClock {
  /** The school's calendar date, `YYYY-MM-DD`. */
  date: string;
  weekday: Weekday;
  /** Minutes since the school's midnight (0-1439). */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    // Bounded: only zones that passed validation get here, and a school has one.
    if (formatters.size < 100) formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock at `at` in `timeZone`, read as if it were UTC (milliseconds, seconds dropped). */
function wallMs(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!);
}

export const dateOfWall = (wall: number) => new Date(wall).toISOString().slice(0, 10);
/** Monday first, like WEEKDAYS (getUTCDay counts from Sunday). */
export const weekdayOf = (date: string): Weekday => WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
export const addDays = (date: string, days: number) => dateOfWall(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);

export function localClock(at: Date, timeZone: string): LocalClock {
  const wall = wallMs(at.getTime(), timeZone);
  const date = dateOfWall(wall);
  return { date, weekday: weekdayOf(date), minute: Math.floor((wall - Date.parse(`${date}T00:00:00Z`)) / MINUTE) };
}

/**
 * The first instant whose wall clock in `timeZone` reads `date` + `minute` (1440 is the next midnight). When
 * the clock shows that time twice (clocks moved back), the first; when never (clocks moved forward over it),
 * the instant the clock jumped past it.
 */
export function wallInstant(date: string, minute: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * MINUTE;
  // The zone's offsets around that day: before and after any change of it on that day.
  const candidates = [...new Set([-DAY_MS / 2, 0, DAY_MS / 2].map((d) => wall - (wallMs(wall + d, timeZone) - (wall + d))))].sort(
    (a, b) => a - b,
  );
  const exact = candidates.find((t) => wallMs(t, timeZone) === wall);
  if (exact !== undefined) return new Date(exact);
  // In the gap: the clock reads before `wall` at the earliest candidate and after it at the latest.
  let lo = candidates[0]!;
  let hi = candidates[candidates.length - 1]!;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (wallMs(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

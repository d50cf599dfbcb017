import { z } from 'zod';

// Office hours (issue 14): when the support team answers, in the school's time zone. Shapes shared by the
// engine (which decides what a student asking for support is told), admin-api's REST answers and the console.

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Periods one weekday may have (a morning, a lunch break, an afternoon, an evening... with room to spare). */
const MAX_PERIODS_PER_DAY = 6;
/** Dated closures kept at once; a school has a few holidays and term breaks a year. */
export const MAX_CLOSURES = 200;
/** One closure spans at most this many days (a long term break), so "next opening" is always found quickly. */
const MAX_CLOSURE_DAYS = 366;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** `HH:MM` in 24-hour time, as minutes since midnight. */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * One stretch of a weekday the team answers, `start` included, `end` excluded. A period never crosses
 * midnight: an evening shift into the night is two periods (`22:00`-`24:00` and the next day's
 * `00:00`-`02:00`), which the engine treats as one opening. `24:00` is accepted as an end only.
 */
const officePeriodSchema = z
  .object({
    start: z.string().regex(HH_MM, 'a time as HH:MM (00:00-23:59)'),
    end: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time as HH:MM (00:01-24:00)'),
  })
  .refine((p) => minutesOf(p.start) < minutesOf(p.end), {
    message: 'start must be before end (a period may not cross midnight: split it in two)',
    path: ['end'],
  });

/** Periods of one weekday: at most MAX_PERIODS_PER_DAY, none overlapping (touching is fine). */
const dayPeriodsSchema = z
  .array(officePeriodSchema)
  .max(MAX_PERIODS_PER_DAY)
  .superRefine((periods, ctx) => {
    const sorted = [...periods].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (let i = 1; i < sorted.length; i++) {
      if (minutesOf(sorted[i]!.start) < minutesOf(sorted[i - 1]!.end)) {
        ctx.addIssue({
          code: 'custom',
          message: `periods overlap (${sorted[i - 1]!.start}-${sorted[i - 1]!.end} and ${sorted[i]!.start}-${sorted[i]!.end})`,
        });
      }
    }
  })
  .transform((periods) => [...periods].sort((a, b) => minutesOf(a.start) - minutesOf(b.start)));

const day = dayPeriodsSchema.default([]);
export const weeklyScheduleSchema = z.object({
  monday: day,
  tuesday: day,
  wednesday: day,
  thursday: day,
  friday: day,
  saturday: day,
  sunday: day,
});

/** Whether the runtime's time-zone database knows `name` (an IANA name such as `Africa/Lagos`). */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_+\-/]+$/, 'an IANA time zone name such as Africa/Lagos')
  .refine(isKnownTimeZone, 'an IANA time zone name such as Africa/Lagos')
  // Stored as the runtime spells it ("africa/lagos" -> "Africa/Lagos").
  .transform((name) => new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone);

/** The schedule an admin sets (closures apart): replaced as a whole. Off means always open. */
export const officeHoursSettingsSchema = z.object({
  enabled: z.boolean(),
  time_zone: timeZoneSchema,
  weekly: weeklyScheduleSchema,
});
export type OfficeHoursSettings = z.output<typeof officeHoursSettingsSchema>;

const isoDate = z.iso.date('a date as YYYY-MM-DD');
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** A dated closure: from `start_date` to `end_date` (both included, in the school's time zone). */
export const newClosureSchema = z
  .object({
    start_date: isoDate,
    /** Defaults to start_date: a one-day closure. */
    end_date: isoDate.optional(),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^\p{Cc}]+$/u, 'no control characters'),
  })
  .transform((c) => ({ ...c, end_date: c.end_date ?? c.start_date }))
  .refine((c) => c.end_date >= c.start_date, { message: 'end_date must not be before start_date', path: ['end_date'] })
  .refine((c) => dayNumber(c.end_date) - dayNumber(c.start_date) < MAX_CLOSURE_DAYS, {
    message: `a closure spans at most ${MAX_CLOSURE_DAYS} days`,
    path: ['end_date'],
  });
export type NewClosure = z.output<typeof newClosureSchema>;

export const closureViewSchema = z.object({
  id: z.uuid(),
  start_date: z.string(),
  end_date: z.string(),
  reason: z.string(),
  created_at: z.iso.datetime({ offset: true }),
  created_by: z.string().nullable(),
});
export type ClosureView = z.infer<typeof closureViewSchema>;

const periodsView = z.array(z.object({ start: z.string(), end: z.string() }));

/** The schedule with its closures and what it means now. */
export const officeHoursViewSchema = z.object({
  enabled: z.boolean(),
  time_zone: z.string(),
  weekly: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, periodsView])) as Record<Weekday, typeof periodsView>),
  /** Closures ending today or later, soonest first (past ones are kept for the record but not listed here). */
  closures: z.array(closureViewSchema),
  /** Whether a student asking for support now is in office hours (always true when not enabled). */
  open_now: z.boolean(),
  /** When open_now next changes; null when it never does (not enabled, or no period within reach). */
  next_change_at: z.iso.datetime({ offset: true }).nullable(),
  /** The same moment in words, in the school's time zone, as a student would read it ("Monday 8:00 (WAT)"). */
  next_change_label: z.string().nullable(),
  updated_at: z.iso.datetime({ offset: true }).nullable(),
  updated_by: z.string().nullable(),
});
export type OfficeHoursView = z.infer<typeof officeHoursViewSchema>;

/** What the dashboard shows about office hours, alongside the stats. */
export const officeHoursStatusSchema = z.object({
  enabled: z.boolean(),
  open_now: z.boolean(),
  next_change_at: z.iso.datetime({ offset: true }).nullable(),
  next_change_label: z.string().nullable(),
});

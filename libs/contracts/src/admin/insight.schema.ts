import { z } from 'zod';
import { WHATSAPP_LIMITS as L } from '../whatsapp/limits';

// Insight (issue 15): the satisfaction survey's settings and the support reports. Shapes shared by the
// engine (which owns and computes them), admin-api's REST answers and the console.

const wording = (max: number) => z.string().trim().min(1).max(max);

/** The survey's wording; each maps to the bot text `csat.<key>`. Limits are WhatsApp's for where it is shown. */
const csatTextsSchema = z.object({
  question: wording(L.interactiveBody),
  button: wording(L.listButton),
  rating_5: wording(L.listRowTitle),
  rating_4: wording(L.listRowTitle),
  rating_3: wording(L.listRowTitle),
  rating_2: wording(L.listRowTitle),
  rating_1: wording(L.listRowTitle),
  comment_prompt: wording(L.interactiveBody),
  thanks: wording(L.interactiveBody),
});
export type CsatTexts = z.infer<typeof csatTextsSchema>;
export const CSAT_TEXT_FIELDS = Object.keys(csatTextsSchema.shape) as (keyof CsatTexts)[];

/** Sent after a support chat a member of staff took part in, when enabled (off until a school turns it on). */
export const csatSettingsSchema = z.object({ enabled: z.boolean(), texts: csatTextsSchema });
export type CsatSettings = z.infer<typeof csatSettingsSchema>;

const REPORT_BUCKETS = ['day', 'week'] as const;
const REPORT_GROUPINGS = ['overall', 'agent', 'label'] as const;
export type ReportBucket = (typeof REPORT_BUCKETS)[number];
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** A report covers at most a year; per agent or per label by day, a quarter (the answer stays well under 1 MiB). */
const MAX_REPORT_DAYS = 366;
export const MAX_GROUPED_DAILY_REPORT_DAYS = 93;
/** Per agent or per label: the groups with the most chats, the rest counted in `omitted_groups`. */
export const MAX_REPORT_GROUPS = 12;

const isoDate = z.iso.date();
const DAY_MS = 86_400_000;
/** Days from `from` to `to`, both included. */
const reportDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** Dates are days in the school's time zone (office hours' zone; UTC when none is set), both included. */
export const reportQuerySchema = z
  .object({
    from: isoDate,
    to: isoDate,
    bucket: z.enum(REPORT_BUCKETS).default('day'),
    by: z.enum(REPORT_GROUPINGS).default('overall'),
  })
  .superRefine((q, ctx) => {
    const days = reportDays(q.from, q.to);
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
    else if (days > MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_REPORT_DAYS} days` });
    else if (q.by !== 'overall' && q.bucket === 'day' && days > MAX_GROUPED_DAILY_REPORT_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `at most ${MAX_GROUPED_DAILY_REPORT_DAYS} days by day per ${q.by} (use bucket=week)`,
      });
    }
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const count = z.number().int().min(0);
const seconds = z.number().min(0).nullable();

/** The figures of one bucket, or of a whole range. Times in seconds; null when nothing was measured. */
const reportFiguresSchema = z.object({
  /** Support chats asked for (by their request time). */
  chats: count,
  chats_ended: count,
  /** Student messages received, and messages sent to students (bot, staff, system; notes excluded). */
  messages_in: count,
  messages_out: count,
  /** Asked -> claimed by a member of staff, over the chats students asked for. */
  waiting_median_seconds: seconds,
  waiting_p90_seconds: seconds,
  /** Claimed -> the first staff message. */
  first_response_median_seconds: seconds,
  first_response_p90_seconds: seconds,
  /** Asked -> ended. */
  resolution_median_seconds: seconds,
  resolution_p90_seconds: seconds,
  csat_responses: count,
  csat_average: z.number().min(1).max(5).nullable(),
  /** Ratings 1 to 5, in that order. */
  csat_distribution: z.array(count).length(5),
  /** Chats asked for outside office hours. */
  outside_hours_chats: count,
  /** Sends that failed (by the failed message's time). */
  failed_sends: count,
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

const reportGroupSchema = z.object({
  /** `all` for overall; an agent's or label's id; null for chats no agent took / conversations without a label. */
  key: z.string().nullable(),
  name: z.string(),
  totals: reportFiguresSchema,
  /** Every bucket of the range, in order, empty ones included; `start` is the bucket's first day. */
  buckets: z.array(reportFiguresSchema.extend({ start: isoDate })),
  failed_by_reason: z.array(z.object({ code: z.number().int().nullable(), title: z.string(), count })),
});

export const reportSchema = z.object({
  from: isoDate,
  to: isoDate,
  bucket: z.enum(REPORT_BUCKETS),
  by: z.enum(REPORT_GROUPINGS),
  time_zone: z.string(),
  groups: z.array(reportGroupSchema),
  omitted_groups: count,
});
export type Report = z.infer<typeof reportSchema>;

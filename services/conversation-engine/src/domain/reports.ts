import { MAX_REPORT_GROUPS, type Report, type ReportBucket, type ReportFigures, type ReportGrouping } from '@app/contracts';

// Turns the rows the report queries return into the report: every bucket of the range present (zeros for
// quiet days, so charts and the CSV line up), groups ranked by chats, at most MAX_REPORT_GROUPS of them.

const DAY_MS = 86_400_000;
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayText = (date: Date) => date.toISOString().slice(0, 10);

/** The first day of every bucket from `from` to `to` (both included); weeks start on Monday (ISO, as date_trunc). */
export function bucketStarts(from: string, to: string, bucket: ReportBucket): string[] {
  let start = toDate(from);
  if (bucket === 'week') start = new Date(start.getTime() - ((start.getUTCDay() + 6) % 7) * DAY_MS);
  const step = bucket === 'week' ? 7 * DAY_MS : DAY_MS;
  const starts: string[] = [];
  for (let t = start.getTime(); t <= toDate(to).getTime(); t += step) starts.push(dayText(new Date(t)));
  return starts;
}

export interface ChatFigures {
  chats: number;
  chatsEnded: number;
  waiting: [number | null, number | null];
  firstResponse: [number | null, number | null];
  resolution: [number | null, number | null];
  csatAverage: number | null;
  csat: [number, number, number, number, number];
  outsideHours: number;
}

interface MessageFigures {
  messagesIn: number;
  messagesOut: number;
  failed: number;
}

/** One group's rows, by bucket start (`total` for the whole range). */
export interface GroupRows {
  key: string | null;
  name: string;
  chats: Map<string, ChatFigures>;
  messages: Map<string, MessageFigures>;
  failedByReason: { code: number | null; title: string; count: number }[];
}

export const TOTAL = 'total';

const round = (value: number | null, places = 1) => (value === null ? null : Math.round(value * 10 ** places) / 10 ** places);

function figuresOf(chats: ChatFigures | undefined, messages: MessageFigures | undefined): ReportFigures {
  const csat = chats?.csat ?? [0, 0, 0, 0, 0];
  return {
    chats: chats?.chats ?? 0,
    chats_ended: chats?.chatsEnded ?? 0,
    messages_in: messages?.messagesIn ?? 0,
    messages_out: messages?.messagesOut ?? 0,
    waiting_median_seconds: round(chats?.waiting[0] ?? null),
    waiting_p90_seconds: round(chats?.waiting[1] ?? null),
    first_response_median_seconds: round(chats?.firstResponse[0] ?? null),
    first_response_p90_seconds: round(chats?.firstResponse[1] ?? null),
    resolution_median_seconds: round(chats?.resolution[0] ?? null),
    resolution_p90_seconds: round(chats?.resolution[1] ?? null),
    csat_responses: csat.reduce((a, b) => a + b, 0),
    csat_average: round(chats?.csatAverage ?? null, 2),
    csat_distribution: csat,
    outside_hours_chats: chats?.outsideHours ?? 0,
    failed_sends: messages?.failed ?? 0,
  };
}

const activity = (g: GroupRows) =>
  [g.chats.get(TOTAL)?.chats ?? 0, (g.messages.get(TOTAL)?.messagesIn ?? 0) + (g.messages.get(TOTAL)?.messagesOut ?? 0)] as const;

export function buildReport(
  query: { from: string; to: string; bucket: ReportBucket; by: ReportGrouping; timeZone: string },
  groups: GroupRows[],
): Report {
  const starts = bucketStarts(query.from, query.to, query.bucket);
  const ranked = [...groups].sort((a, b) => {
    const [ca, ma] = activity(a);
    const [cb, mb] = activity(b);
    return cb - ca || mb - ma || a.name.localeCompare(b.name);
  });
  const kept = ranked.slice(0, MAX_REPORT_GROUPS);
  return {
    from: query.from,
    to: query.to,
    bucket: query.bucket,
    by: query.by,
    time_zone: query.timeZone,
    groups: kept.map((g) => ({
      key: g.key,
      name: g.name,
      totals: figuresOf(g.chats.get(TOTAL), g.messages.get(TOTAL)),
      buckets: starts.map((start) => ({ start, ...figuresOf(g.chats.get(start), g.messages.get(start)) })),
      failed_by_reason: g.failedByReason,
    })),
    omitted_groups: ranked.length - kept.length,
  };
}

// Opaque page cursors for the admin lists: base64url of the sort key of the last item given, so a page
// boundary never moves when rows are added (keyset pagination, no offsets).

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const encode = (value: string) => Buffer.from(value, 'utf8').toString('base64url');
const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

/** Conversations: last activity (to the microsecond, as Postgres keeps it) and id, newest first. */
export interface ConversationCursor {
  activity: string;
  id: string;
}

export const encodeConversationCursor = (c: ConversationCursor) => encode(`c|${c.activity}|${c.id}`);

export function decodeConversationCursor(cursor: string): ConversationCursor | undefined {
  const [tag, activity, id, ...rest] = decode(cursor).split('|');
  if (tag !== 'c' || rest.length > 0 || !activity || !id || !ISO_MICROS.test(activity) || !UUID.test(id)) return undefined;
  return { activity, id };
}

/** Messages: the sequence number of the oldest message given; the next page is older. */
export const encodeMessageCursor = (seq: number) => encode(`m|${seq}`);

export function decodeMessageCursor(cursor: string): number | undefined {
  const match = /^m\|(\d{1,15})$/.exec(decode(cursor));
  return match ? Number(match[1]) : undefined;
}

/** Parked events: when parked (to the microsecond) and id, newest first. */
export const encodeParkedCursor = (c: { parkedAt: string; id: string }) => encode(`p|${c.parkedAt}|${c.id}`);

export function decodeParkedCursor(cursor: string): { parkedAt: string; id: string } | undefined {
  const [tag, parkedAt, id, ...rest] = decode(cursor).split('|');
  if (tag !== 'p' || rest.length > 0 || !parkedAt || !id || !ISO_MICROS.test(parkedAt) || !UUID.test(id)) return undefined;
  return { parkedAt, id };
}

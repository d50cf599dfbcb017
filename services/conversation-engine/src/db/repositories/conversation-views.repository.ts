import { sql, type Kysely, type Transaction } from 'kysely';
import type { SupportStatus } from '../../domain/bot';
import type { ConversationCursor } from '../../domain/cursors';
import type { EngineDatabase } from '../database';
import { anyUuid } from './any-uuid';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

const activity = sql<Date>`coalesce(c.last_message_at, c.created_at)`;

/** Everything a conversation view needs, in one row: profile, open chat, unread count (after the admin read marker). */
export function conversationViews(db: Db) {
  return db
    .selectFrom('conversations as c')
    .leftJoin('students as s', 's.conversation_id', 'c.id')
    .leftJoin('support_chats as sc', (join) => join.onRef('sc.conversation_id', '=', 'c.id').on('sc.status', 'in', ['waiting', 'active']))
    .select((eb) => [
      'c.id',
      'c.phone_number',
      'c.user_id',
      'c.username',
      's.name as student_name',
      'c.profile_name',
      'c.bot_state',
      'c.support_status',
      'sc.assigned_admin_id',
      'sc.assigned_admin_name',
      'c.last_message_preview',
      'c.last_message_at',
      'c.last_inbound_at',
      'c.service_window_closed_at',
      eb
        .selectFrom('messages as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.conversation_id', '=', 'c.id')
        .where('m.direction', '=', 'inbound')
        .where('m.author', '=', 'student')
        .whereRef('m.seq', '>', 'c.admin_read_seq')
        .as('unread_count'),
      // The team's labels on it, by name, through conversation_labels' primary key.
      sql<unknown>`coalesce((select json_agg(json_build_object('id', l.id, 'name', l.name, 'colour', l.colour) order by lower(l.name), l.id)
        from conversation_labels cl join labels l on l.id = cl.label_id where cl.conversation_id = c.id), '[]'::json)`.as('labels'),
      // Postgres keeps microseconds, a JS Date only milliseconds: the cursor carries the exact value.
      sql<string>`to_char(${activity} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('activity_key'),
    ]);
}

export type ConversationViewRecord = Awaited<ReturnType<typeof findConversationViews>>[number];

export async function findConversationViews(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await conversationViews(db).where('c.id', '=', anyUuid(ids)).execute();
  return rows.map((r) => ({ ...r, unread_count: Number(r.unread_count ?? 0) }));
}

export interface ConversationFilter {
  /** true: waiting or active chats only; false: none of them. */
  chatSupport?: boolean;
  status?: SupportStatus;
  /** Part of the student's name (registered or WhatsApp profile), username, number or user id, any case. */
  search?: string;
  /** Only conversations carrying this label (read through the label's index). */
  labelId?: string;
  /** Only conversations whose open chat was asked for outside office hours (read through its partial index). */
  arrivedWhileClosed?: boolean;
  after?: ConversationCursor;
  limit: number;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of conversations, most recent activity first; one row more than asked tells whether another page exists. */
export async function listConversationViews(db: Db, filter: ConversationFilter) {
  let query = conversationViews(db);
  if (filter.chatSupport === true) query = query.where('c.support_status', 'in', ['waiting', 'active']);
  if (filter.chatSupport === false) query = query.where('c.support_status', 'not in', ['waiting', 'active']);
  if (filter.status) query = query.where('c.support_status', '=', filter.status);
  if (filter.search) {
    const pattern = likePattern(filter.search);
    query = query.where(
      sql<boolean>`(c.phone_number ilike ${pattern} escape '\\' or s.name ilike ${pattern} escape '\\' or c.profile_name ilike ${pattern} escape '\\'
        or c.username ilike ${pattern} escape '\\' or c.user_id ilike ${pattern} escape '\\')`,
    );
  }
  if (filter.labelId) {
    const labelId = filter.labelId;
    query = query.where('c.id', 'in', (eb) =>
      eb.selectFrom('conversation_labels as fl').select('fl.conversation_id').where('fl.label_id', '=', labelId),
    );
  }
  if (filter.arrivedWhileClosed) {
    query = query.where('c.id', 'in', (eb) =>
      eb
        .selectFrom('support_chats as oh')
        .select('oh.conversation_id')
        .where('oh.arrived_outside_hours', '=', true)
        .where('oh.status', 'in', ['waiting', 'active']),
    );
  }
  if (filter.after)
    query = query.where(sql<boolean>`(${activity}, c.id) < (${filter.after.activity}::timestamptz, ${filter.after.id}::uuid)`);
  const rows = await query
    .orderBy(activity, 'desc')
    .orderBy('c.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return rows.map((r) => ({ ...r, unread_count: Number(r.unread_count ?? 0) }));
}

import { sql, type Insertable, type Transaction } from 'kysely';
import { PREPARED } from '@app/db';
import type { EngineDatabase } from '../database';
import type { MessagesTable } from '../tables/conversation-tables';
import type { OutboxKind } from '../../domain/outbox-job';
import type { SupportStatus } from '../../domain/bot';
import type { OutboxRow } from './outbox.repository';

// Set-based statements for a partition's batch: a handful of statements per batch instead of several per
// event. Each takes every row of the batch at once.

type Trx = Transaction<EngineDatabase>;

/** Who an inbound message or echo is about, and what its payload said of their profile. */
export interface StudentClaim {
  eventId: string;
  userId: string | null;
  phone: string | null;
  profileName: string | null;
  username: string | null;
}

const column = <T>(rows: readonly T[], pick: (row: T) => unknown) => sql.val(rows.map(pick));

const CONVERSATION_COLUMNS = [
  'id',
  'user_id',
  'phone_number',
  'profile_name',
  'username',
  'bot_state',
  'support_status',
  'support_receipt_at',
];
const returning = (alias: string) => sql.raw(CONVERSATION_COLUMNS.map((c) => `${alias}.${c}`).join(', '));

/**
 * The batch's first write, in one statement: claims the event ids (a redelivered one finds its dedupe row:
 * it was processed and committed), then, for the messages claimed now, locks every conversation already
 * known by an id the payload carries (its BSUID first; its phone when it has no BSUID or nobody holds that
 * BSUID yet), in id order, and updates the profile name and username WhatsApp sent (the latest ones in the
 * batch): nothing else changes the rows until commit while the bot decides. Students
 * known by none of their ids are created. Each conversation comes with its student's profile.
 *
 * This is the whole of the common case. What it cannot settle in one statement (a payload linking a phone to
 * a BSUID for the first time, a known BSUID with a new phone, two rows to merge, a concurrent creation that
 * ON CONFLICT DO NOTHING skipped) the caller sees in the rows returned and settles with more statements
 * (student-identity.repository.ts), only then.
 */
export async function claimAndLockConversations(
  trx: Trx,
  eventIds: readonly string[],
  claims: readonly StudentClaim[],
): Promise<{ claimed: Set<string>; conversations: ConversationRow[] }> {
  if (eventIds.length === 0) return { claimed: new Set(), conversations: [] };
  const result = await sql<{ claimed: string[]; conversations: RawConversationRow[] }>`${PREPARED}
    with claimed as (
      insert into inbound_dedupe (event_id) select unnest(${sql.val([...eventIds])}::text[])
      on conflict (event_id) do nothing returning event_id),
    refs as (
      select t.* from unnest(${column(claims, (c) => c.eventId)}::text[], ${column(claims, (c) => c.userId)}::text[],
        ${column(claims, (c) => c.phone)}::text[], ${column(claims, (c) => c.profileName)}::text[],
        ${column(claims, (c) => c.username)}::text[]) with ordinality as t(event_id, user_id, phone, profile, username, ord)
      where t.event_id in (select event_id from claimed)),
    hits as (
      select c.id, r.ord from refs r join conversations c on c.user_id = r.user_id
      union all
      select c.id, r.ord from refs r join conversations c on c.phone_number = r.phone
      where r.user_id is null or not exists (select 1 from conversations k where k.user_id = r.user_id)),
    touched as (
      select h.id,
        (array_agg(r.profile order by r.ord desc) filter (where r.profile is not null))[1] as profile,
        (array_agg(r.username order by r.ord desc) filter (where r.username is not null))[1] as username
      from hits h join refs r on r.ord = h.ord group by h.id),
    -- Row locks taken in id order, whatever order the batch named its students in: two transactions that
    -- share students (one moving partition, an admin command, a send result) wait for each other, never deadlock.
    locked as (select c.id from conversations c where c.id in (select id from touched) order by c.id for update),
    updated as (
      update conversations c set profile_name = coalesce(t.profile, c.profile_name), username = coalesce(t.username, c.username)
      from touched t join locked l on l.id = t.id where c.id = t.id
      returning ${returning('c')}),
    fresh as (
      select coalesce(r.user_id, r.phone) as key, max(r.user_id) as user_id,
        (array_agg(r.phone order by r.ord desc) filter (where r.phone is not null))[1] as phone,
        (array_agg(r.profile order by r.ord desc) filter (where r.profile is not null))[1] as profile,
        (array_agg(r.username order by r.ord desc) filter (where r.username is not null))[1] as username
      from refs r where not exists (select 1 from hits h where h.ord = r.ord)
      group by 1),
    inserted as (
      -- A student with both ids first: a phone-only message of the same (new) student in the batch then
      -- conflicts and finds that row. DO NOTHING (any constraint): a row another transaction inserted
      -- meanwhile is left to the caller, who settles it, instead of an error failing the batch.
      insert into conversations (user_id, phone_number, profile_name, username)
      select user_id, phone, profile, username from fresh order by (user_id is not null and phone is not null) desc, key
      on conflict do nothing
      returning ${returning('conversations')})
    select
      (select coalesce(array_agg(event_id), '{}') from claimed) as claimed,
      (select coalesce(json_agg(json_build_object(
          'id', u.id, 'user_id', u.user_id, 'phone_number', u.phone_number, 'profile_name', u.profile_name,
          'username', u.username, 'bot_state', u.bot_state, 'support_status', u.support_status,
          'support_receipt_at', u.support_receipt_at,
          'student_name', s.name, 'student_email', s.email, 'student_class_name', s.class_name)), '[]')
        from (select * from updated union all select * from inserted) u left join students s on s.conversation_id = u.id) as conversations`.execute(
    trx,
  );
  const row = result.rows[0];
  return { claimed: new Set(row?.claimed ?? []), conversations: (row?.conversations ?? []).map(fromRaw) };
}

type RawConversationRow = Omit<ConversationRow, 'support_receipt_at'> & { support_receipt_at: string | Date | null };

/** json_build_object gives the timestamp as text. */
export function fromRaw(row: RawConversationRow): ConversationRow {
  return { ...row, support_receipt_at: row.support_receipt_at === null ? null : new Date(row.support_receipt_at) };
}

export interface ConversationRow {
  id: string;
  user_id: string | null;
  phone_number: string | null;
  profile_name: string | null;
  username: string | null;
  bot_state: unknown;
  support_status: SupportStatus;
  support_receipt_at: Date | null;
  student_name: string | null;
  student_email: string | null;
  student_class_name: string | null;
}

/** What the bot's events may have changed on a conversation (support status, receipt time, the profile). */
export async function reloadSupportAndStudent(trx: Trx, conversationId: string) {
  return trx
    .selectFrom('conversations as c')
    .leftJoin('students as s', 's.conversation_id', 'c.id')
    .select([
      'c.support_status',
      'c.support_receipt_at',
      's.name as student_name',
      's.email as student_email',
      's.class_name as student_class_name',
    ])
    .where('c.id', '=', conversationId)
    .executeTakeFirstOrThrow();
}

export interface OutboxInsert {
  id: string;
  kind: OutboxKind;
  message_id: string;
  conversation_id: string;
  job: string;
  /** The conversation's first send in this statement: ready unless something of it is still open. */
  first: boolean;
  /** JSON of the W3C trace context of the event that wrote it (tracing on), else null or absent. */
  trace_context?: string | null;
}

export interface ConversationTurnUpdate {
  id: string;
  botState: unknown;
  lastInboundAt: Date;
  lastMessageAt: Date;
  lastMessagePreview: string;
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value === undefined ? null : value);
const json = (value: unknown) => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * What a batch wrote, in one statement: the history (seq follows the order given), the outbox rows and where
 * each conversation stands
 * after the batch: the bot's position, the student's last message (which opens a new 24-hour window, whatever
 * Meta said of the old one) and the preview. A send is ready when it is its conversation's first here and
 * nothing of the conversation is open from before: the caller holds the conversations' locks, so the check
 * (which sees every row committed before this statement, and none of its own) cannot miss another writer's.
 * The outbox's foreign key to its message is checked at the end of the statement, when both are in.
 *
 * A send that is ready is also taken for the queue here (marked relayed at `relayAt`, as the relay marks what
 * it takes) and returned: the caller queues it right after the commit, instead of a relay run reading it back.
 * Should that queueing fail, the rows are given back (unmarkRelayed); should the process die first, they are
 * stale and queued again (lockStaleRelayedRows): the relay's own guarantees, without its round trip.
 */
export async function writeBatch(
  trx: Trx,
  rows: { messages: readonly Insertable<MessagesTable>[]; outbox: readonly OutboxInsert[]; turns: readonly ConversationTurnUpdate[] },
  relayAt: Date,
): Promise<OutboxRow[]> {
  const { messages: m, outbox: o, turns: t } = rows;
  if (m.length + o.length + t.length === 0) return [];
  const { rows: result } = await sql<{ taken: OutboxRow[] }>`
    with messages_in as (
      insert into messages (id, conversation_id, direction, author, type, text, content, wamid, status, error, agent_id, agent_name, correlation_id, created_at)
      select * from unnest(${column(m, (r) => r.id)}::uuid[], ${column(m, (r) => r.conversation_id)}::uuid[], ${column(m, (r) => r.direction)}::text[],
        ${column(m, (r) => r.author)}::text[], ${column(m, (r) => r.type)}::text[], ${column(m, (r) => r.text ?? null)}::text[],
        ${column(m, (r) => json(r.content))}::jsonb[], ${column(m, (r) => r.wamid ?? null)}::text[], ${column(m, (r) => r.status)}::text[],
        ${column(m, (r) => json(r.error))}::jsonb[], ${column(m, (r) => r.agent_id ?? null)}::text[], ${column(m, (r) => r.agent_name ?? null)}::text[],
        ${column(m, (r) => r.correlation_id ?? null)}::text[], ${column(m, (r) => iso(r.created_at ?? new Date()))}::timestamptz[])),
    outbox_in as (
      insert into outbox (id, kind, message_id, conversation_id, job, ready, relayed_at, trace_context)
      select v.id, v.kind, v.message_id, v.conversation_id, v.job, r.ready, case when r.ready then ${relayAt}::timestamptz end, v.trace_context
      from unnest(${column(o, (r) => r.id)}::uuid[], ${column(o, (r) => r.kind)}::text[], ${column(o, (r) => r.message_id)}::uuid[],
        ${column(o, (r) => r.conversation_id)}::uuid[], ${column(o, (r) => r.job)}::jsonb[], ${column(o, (r) => r.first)}::boolean[],
        ${column(o, (r) => r.trace_context ?? null)}::jsonb[])
        as v(id, kind, message_id, conversation_id, job, first, trace_context)
      cross join lateral (select v.first and not exists (
          select 1 from outbox e where e.conversation_id = v.conversation_id and e.kind <> 'download_media' and e.completed_at is null) as ready) r
      returning id, kind, job, seq, message_id, conversation_id, ready, trace_context),
    turns as (
      update conversations c set
        bot_state = v.bot_state, last_inbound_at = v.last_inbound_at, service_window_closed_at = null,
        last_message_at = v.last_message_at, last_message_preview = v.preview, updated_at = now()
      from unnest(${column(t, (u) => u.id)}::uuid[], ${column(t, (u) => JSON.stringify(u.botState))}::jsonb[],
        ${column(t, (u) => u.lastInboundAt.toISOString())}::timestamptz[], ${column(t, (u) => u.lastMessageAt.toISOString())}::timestamptz[],
        ${column(t, (u) => u.lastMessagePreview)}::text[]) as v(id, bot_state, last_inbound_at, last_message_at, preview)
      where c.id = v.id)
    select coalesce((select json_agg(json_build_object('id', id, 'kind', kind, 'job', job, 'seq', seq, 'message_id', message_id,
      'conversation_id', conversation_id, 'trace_context', trace_context) order by seq) from outbox_in where ready), '[]') as taken`.execute(
    trx,
  );
  return result[0]?.taken ?? [];
}

import { sql, type Insertable, type Transaction } from 'kysely';
import type { EngineDatabase, MessagesTable, OutboxKind, SupportStatus } from './database';

// Set-based statements for a partition's batch: a handful of statements per batch instead of several per
// event. Each takes every row of the batch at once.

type Trx = Transaction<EngineDatabase>;

/**
 * The batch's first write, in one statement: claims the event ids (a redelivered one finds its dedupe row:
 * it was processed and committed), then, for the messages claimed now, creates the conversations seen for the
 * first time, updates the profile name WhatsApp sent (its latest one in the batch), and locks every row until
 * commit (ON CONFLICT DO UPDATE takes the row lock), so nothing else changes them while the bot decides. Each
 * conversation comes with its student's profile.
 */
export async function claimAndLockConversations(
  trx: Trx,
  eventIds: readonly string[],
  messages: readonly { eventId: string; phone: string; profileName: string | null }[],
): Promise<{ claimed: Set<string>; conversations: ConversationRow[] }> {
  if (eventIds.length === 0) return { claimed: new Set(), conversations: [] };
  const result = await sql<{ claimed: string[]; conversations: (Omit<ConversationRow, 'support_receipt_at'> & { support_receipt_at: string | null })[] }>`
    with claimed as (
      insert into inbound_dedupe (event_id) select unnest(${sql.val([...eventIds])}::text[])
      on conflict (event_id) do nothing returning event_id),
    fresh as (
      select distinct on (phone) phone, profile
      from unnest(${sql.val(messages.map((m) => m.eventId))}::text[], ${sql.val(messages.map((m) => m.phone))}::text[],
        ${sql.val(messages.map((m) => m.profileName))}::text[]) with ordinality as t(event_id, phone, profile, ord)
      where event_id in (select event_id from claimed)
      order by phone, (profile is not null) desc, ord desc),
    upserted as (
      insert into conversations (phone_number, profile_name) select phone, profile from fresh order by phone
      on conflict (phone_number) do update set profile_name = coalesce(excluded.profile_name, conversations.profile_name)
      returning id, phone_number, profile_name, bot_state, support_status, support_receipt_at)
    select
      (select coalesce(array_agg(event_id), '{}') from claimed) as claimed,
      (select coalesce(json_agg(json_build_object(
          'id', u.id, 'phone_number', u.phone_number, 'profile_name', u.profile_name, 'bot_state', u.bot_state,
          'support_status', u.support_status, 'support_receipt_at', u.support_receipt_at,
          'student_name', s.name, 'student_email', s.email, 'student_class_name', s.class_name)), '[]')
        from upserted u left join students s on s.conversation_id = u.id) as conversations`.execute(trx);
  const row = result.rows[0];
  return {
    claimed: new Set(row?.claimed ?? []),
    conversations: (row?.conversations ?? []).map((c) => ({ ...c, support_receipt_at: c.support_receipt_at === null ? null : new Date(c.support_receipt_at) })),
  };
}

export interface ConversationRow {
  id: string;
  phone_number: string;
  profile_name: string | null;
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
    .select(['c.support_status', 'c.support_receipt_at', 's.name as student_name', 's.email as student_email', 's.class_name as student_class_name'])
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
}

export interface ConversationTurnUpdate {
  id: string;
  botState: unknown;
  lastInboundAt: Date;
  lastMessageAt: Date;
  lastMessagePreview: string;
}

const column = <T>(rows: readonly T[], pick: (row: T) => unknown) => sql.val(rows.map(pick));
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
 */
export async function writeBatch(
  trx: Trx,
  rows: { messages: readonly Insertable<MessagesTable>[]; outbox: readonly OutboxInsert[]; turns: readonly ConversationTurnUpdate[] },
) {
  const { messages: m, outbox: o, turns: t } = rows;
  if (m.length + o.length + t.length === 0) return;
  await sql`
    with messages_in as (
      insert into messages (id, conversation_id, direction, author, type, text, content, wamid, status, error, agent_id, agent_name, correlation_id, created_at)
      select * from unnest(${column(m, (r) => r.id)}::uuid[], ${column(m, (r) => r.conversation_id)}::uuid[], ${column(m, (r) => r.direction)}::text[],
        ${column(m, (r) => r.author)}::text[], ${column(m, (r) => r.type)}::text[], ${column(m, (r) => r.text ?? null)}::text[],
        ${column(m, (r) => json(r.content))}::jsonb[], ${column(m, (r) => r.wamid ?? null)}::text[], ${column(m, (r) => r.status)}::text[],
        ${column(m, (r) => json(r.error))}::jsonb[], ${column(m, (r) => r.agent_id ?? null)}::text[], ${column(m, (r) => r.agent_name ?? null)}::text[],
        ${column(m, (r) => r.correlation_id ?? null)}::text[], ${column(m, (r) => iso(r.created_at ?? new Date()))}::timestamptz[])),
    outbox_in as (
      insert into outbox (id, kind, message_id, conversation_id, job, ready)
      select v.id, v.kind, v.message_id, v.conversation_id, v.job, v.first and not exists (
          select 1 from outbox e where e.conversation_id = v.conversation_id and e.kind <> 'download_media' and e.completed_at is null)
      from unnest(${column(o, (r) => r.id)}::uuid[], ${column(o, (r) => r.kind)}::text[], ${column(o, (r) => r.message_id)}::uuid[],
        ${column(o, (r) => r.conversation_id)}::uuid[], ${column(o, (r) => r.job)}::jsonb[], ${column(o, (r) => r.first)}::boolean[])
        as v(id, kind, message_id, conversation_id, job, first)),
    turns as (
      update conversations c set
        bot_state = v.bot_state, last_inbound_at = v.last_inbound_at, service_window_closed_at = null,
        last_message_at = v.last_message_at, last_message_preview = v.preview, updated_at = now()
      from unnest(${column(t, (u) => u.id)}::uuid[], ${column(t, (u) => JSON.stringify(u.botState))}::jsonb[],
        ${column(t, (u) => u.lastInboundAt.toISOString())}::timestamptz[], ${column(t, (u) => u.lastMessageAt.toISOString())}::timestamptz[],
        ${column(t, (u) => u.lastMessagePreview)}::text[]) as v(id, bot_state, last_inbound_at, last_message_at, preview)
      where c.id = v.id)
    select 1`.execute(trx);
}

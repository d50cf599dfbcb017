import { sql, type Insertable, type Transaction } from 'kysely';
import type { EngineDatabase, MessagesTable, OutboxKind, SupportStatus } from './database';

// Set-based statements for a partition's batch: a handful of statements per batch instead of several per
// event. Each takes every row of the batch at once.

type Trx = Transaction<EngineDatabase>;

/** Claims the event ids; returns the ones seen for the first time (the others were processed and committed). */
export async function claimInboundEvents(trx: Trx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql<{ event_id: string }>`
    insert into inbound_dedupe (event_id) select unnest(${sql.val([...ids])}::text[])
    on conflict (event_id) do nothing returning event_id`.execute(trx);
  return new Set(rows.rows.map((r) => r.event_id));
}

/**
 * Creates the conversations seen for the first time, updates the profile name WhatsApp sent, and locks every
 * row until commit (ON CONFLICT DO UPDATE takes the row lock), so nothing else changes them while the bot
 * decides. Each comes with its student's profile and whether a send or mark-read of it is still open (the
 * next one written then waits its turn).
 */
export async function upsertConversationsForUpdate(trx: Trx, students: readonly { phone: string; profileName: string | null }[]) {
  if (students.length === 0) return [];
  const phones = students.map((s) => s.phone);
  const names = students.map((s) => s.profileName);
  const result = await sql<ConversationRow>`
    with upserted as (
      insert into conversations (phone_number, profile_name)
      select * from unnest(${sql.val(phones)}::text[], ${sql.val(names)}::text[])
      on conflict (phone_number) do update set profile_name = coalesce(excluded.profile_name, conversations.profile_name)
      returning *)
    select u.*, s.name as student_name, s.email as student_email, s.class_name as student_class_name,
      exists (select 1 from outbox o where o.conversation_id = u.id and o.kind <> 'download_media' and o.completed_at is null) as has_open_outbox
    from upserted u left join students s on s.conversation_id = u.id`.execute(trx);
  return result.rows;
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
  has_open_outbox: boolean;
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

export async function insertMessages(trx: Trx, rows: readonly Insertable<MessagesTable>[]) {
  if (rows.length === 0) return;
  await trx.insertInto('messages').values([...rows]).execute();
}

export interface OutboxInsert {
  id: string;
  kind: OutboxKind;
  message_id: string;
  conversation_id: string;
  job: string;
  ready: boolean;
}

/** Outbox rows whose readiness the caller decided (it holds their conversations' locks). */
export async function insertOutboxRows(trx: Trx, rows: readonly OutboxInsert[]) {
  if (rows.length === 0) return;
  await trx.insertInto('outbox').values([...rows]).execute();
}

export interface ConversationTurnUpdate {
  id: string;
  botState: unknown;
  lastInboundAt: Date;
  lastMessageAt: Date;
  lastMessagePreview: string;
}

/**
 * Where each conversation stands after the batch: the bot's position, the student's last message (which
 * opens a new 24-hour window, whatever Meta said of the old one) and the preview.
 */
export async function updateConversationTurns(trx: Trx, updates: readonly ConversationTurnUpdate[]) {
  if (updates.length === 0) return;
  await sql`
    update conversations c set
      bot_state = v.bot_state, last_inbound_at = v.last_inbound_at, service_window_closed_at = null,
      last_message_at = v.last_message_at, last_message_preview = v.preview, updated_at = now()
    from unnest(${sql.val(updates.map((u) => u.id))}::uuid[], ${sql.val(updates.map((u) => JSON.stringify(u.botState)))}::jsonb[],
      ${sql.val(updates.map((u) => u.lastInboundAt.toISOString()))}::timestamptz[], ${sql.val(updates.map((u) => u.lastMessageAt.toISOString()))}::timestamptz[],
      ${sql.val(updates.map((u) => u.lastMessagePreview))}::text[]) as v(id, bot_state, last_inbound_at, last_message_at, preview)
    where c.id = v.id`.execute(trx);
}

import { sql, type Transaction } from 'kysely';
import type { EngineDatabase } from '../database';
import { fromRaw, type ConversationRow } from './inbound-batch.repository';

// The rare statements of a student's identity: the first payload linking their phone and their business-scoped
// user id, a new phone or user id, and the merge of two conversations that turn out to be one student. Each
// runs inside the caller's transaction, on rows it locks (or already holds locked).

type Trx = Transaction<EngineDatabase>;

const rowColumns = sql`c.id, c.user_id, c.phone_number, c.profile_name, c.username, c.bot_state, c.support_status, c.support_receipt_at,
  s.name as student_name, s.email as student_email, s.class_name as student_class_name`;

/** The conversations holding either id, locked until commit (in id order: two such lockers cannot deadlock). */
export async function lockConversationsByIds(trx: Trx, ids: { userId: string | null; phone: string | null }): Promise<ConversationRow[]> {
  const result = await sql<ConversationRow>`
    select ${rowColumns} from conversations c left join students s on s.conversation_id = c.id
    where c.user_id = ${ids.userId} or c.phone_number = ${ids.phone}
    order by c.id for update of c`.execute(trx);
  return result.rows.map(fromRaw);
}

/** The conversations of these ids that still exist (a merge deletes one), as the batch reads them. */
export async function loadConversationRows(trx: Trx, ids: readonly string[]): Promise<ConversationRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<ConversationRow>`
    select ${rowColumns} from conversations c left join students s on s.conversation_id = c.id
    where c.id = any(${sql.val([...new Set(ids)])}::uuid[])`.execute(trx);
  return result.rows.map(fromRaw);
}

/** A new student's conversation; undefined when a concurrent transaction created one holding either id first. */
export async function insertConversation(
  trx: Trx,
  row: { userId: string | null; phone: string | null; profileName: string | null; username: string | null },
): Promise<string | undefined> {
  const result = await sql<{ id: string }>`
    insert into conversations (user_id, phone_number, profile_name, username)
    values (${row.userId}, ${row.phone}, ${row.profileName}, ${row.username})
    on conflict do nothing returning id`.execute(trx);
  return result.rows[0]?.id;
}

/** Sets a conversation's ids (the caller has freed them elsewhere first: both are unique). */
export async function setConversationIds(trx: Trx, id: string, ids: { userId?: string | null; phone?: string | null }) {
  await trx
    .updateTable('conversations')
    .set({
      ...(ids.userId !== undefined ? { user_id: ids.userId } : {}),
      ...(ids.phone !== undefined ? { phone_number: ids.phone } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function setProfile(trx: Trx, id: string, profile: { profileName: string | null; username: string | null }) {
  if (profile.profileName === null && profile.username === null) return;
  await sql`update conversations set profile_name = coalesce(${profile.profileName}, profile_name), username = coalesce(${profile.username}, username)
    where id = ${id}`.execute(trx);
}

/** Which of two conversations of one student survives their merge: the registered one, else the older. */
export async function survivorOf(trx: Trx, a: string, b: string): Promise<string> {
  const result = await sql<{ id: string }>`
    select c.id from conversations c where c.id in (${a}, ${b})
    order by exists (select 1 from students s where s.conversation_id = c.id) desc, c.created_at, c.id limit 1`.execute(trx);
  return result.rows[0]?.id ?? a;
}

/**
 * Makes `drop` part of `keep` (both locked by the caller): every row naming `drop` by conversation_id
 * (history, outbox, media, homework, support chats, student profile) moves to `keep`, then `drop` is deleted.
 * Nothing is doubled: `keep`'s student profile wins over `drop`'s, and should both have an open support chat,
 * `drop`'s is ended by the system (one open chat per conversation). `keep` takes the later of each clock (last
 * message, the student's last message and what it says of the 24-hour window), the open chat's support status
 * and the bot's position with it when only `drop` had one, the lower admin read marker (what one of them had
 * not read stays unread) and any name it lacked. The ids are the caller's to set afterwards, once `drop` no longer holds them.
 */
export async function mergeConversations(trx: Trx, keep: string, drop: string, at: Date): Promise<void> {
  for (const table of ['messages', 'outbox', 'message_media', 'homework_submissions'] as const) {
    await trx.updateTable(table).set({ conversation_id: keep }).where('conversation_id', '=', drop).execute();
  }
  await sql`update support_chats set status = 'ended', ended_at = ${at}, ended_by = 'system'
    where conversation_id = ${drop} and status in ('waiting', 'active')
      and exists (select 1 from support_chats k where k.conversation_id = ${keep} and k.status in ('waiting', 'active'))`.execute(trx);
  await trx.updateTable('support_chats').set({ conversation_id: keep }).where('conversation_id', '=', drop).execute();
  await sql`delete from students where conversation_id = ${drop} and exists (select 1 from students k where k.conversation_id = ${keep})`.execute(
    trx,
  );
  await trx.updateTable('students').set({ conversation_id: keep }).where('conversation_id', '=', drop).execute();
  await sql`
    update conversations k set
      last_inbound_at = greatest(k.last_inbound_at, d.last_inbound_at),
      service_window_closed_at = case when d.last_inbound_at > coalesce(k.last_inbound_at, '-infinity') then d.service_window_closed_at else k.service_window_closed_at end,
      last_message_at = greatest(k.last_message_at, d.last_message_at),
      last_message_preview = case when d.last_message_at > coalesce(k.last_message_at, '-infinity') then d.last_message_preview else k.last_message_preview end,
      support_status = case when k.support_status not in ('waiting', 'active') and d.support_status in ('waiting', 'active') then d.support_status else k.support_status end,
      bot_state = case when k.support_status not in ('waiting', 'active') and d.support_status in ('waiting', 'active') then d.bot_state else k.bot_state end,
      support_requested_at = case when k.support_status not in ('waiting', 'active') and d.support_status in ('waiting', 'active') then d.support_requested_at else k.support_requested_at end,
      support_receipt_at = greatest(k.support_receipt_at, d.support_receipt_at),
      admin_read_seq = least(k.admin_read_seq, d.admin_read_seq),
      typing_indicated_at = greatest(k.typing_indicated_at, d.typing_indicated_at),
      profile_name = coalesce(k.profile_name, d.profile_name),
      username = coalesce(k.username, d.username),
      updated_at = now()
    from conversations d where k.id = ${keep} and d.id = ${drop}`.execute(trx);
  await trx.deleteFrom('conversations').where('id', '=', drop).execute();
}

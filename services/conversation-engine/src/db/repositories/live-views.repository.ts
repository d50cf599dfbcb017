import { sql, type Kysely, type Transaction } from 'kysely';
import { conversationViews, findConversationViews, type ConversationViewRecord } from './conversation-views.repository';
import type { EngineDatabase } from '../database';
import { anyUuid } from './any-uuid';
import { findMessageViews, messageViews } from './message-views.repository';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;
type MessageViewRecord = Awaited<ReturnType<typeof findMessageViews>>[number];

/** JSON gives timestamps as text: back to the Dates the view builders take. */
const date = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string));

/**
 * What the live events after a commit show, messages and conversations, in one round trip when both are
 * asked for (after most inbound batches): each statement costs this machine more than what it reads. Rows as
 * findMessageViews and findConversationViews give them.
 */
export async function findLiveViews(db: Db, messageIds: readonly string[], conversationIds: readonly string[]) {
  if (messageIds.length === 0 || conversationIds.length === 0) {
    return { messages: await findMessageViews(db, messageIds), conversations: await findConversationViews(db, conversationIds) };
  }
  const messages = messageViews(db).where('m.id', '=', anyUuid(messageIds));
  const conversations = conversationViews(db).where('c.id', '=', anyUuid(conversationIds));
  const { rows } = await sql<{ messages: Record<string, unknown>[]; conversations: Record<string, unknown>[] }>`
    select (select coalesce(json_agg(m order by m.seq), '[]') from (${messages}) m) as messages,
      (select coalesce(json_agg(c), '[]') from (${conversations}) c) as conversations`.execute(db);
  const row = rows[0];
  return {
    messages: (row?.messages ?? []).map(
      (m) => ({ ...m, created_at: date(m['created_at']), next_attempt_at: date(m['next_attempt_at']) }) as unknown as MessageViewRecord,
    ),
    conversations: (row?.conversations ?? []).map(
      (c) =>
        ({
          ...c,
          last_message_at: date(c['last_message_at']),
          last_inbound_at: date(c['last_inbound_at']),
          service_window_closed_at: date(c['service_window_closed_at']),
          unread_count: Number(c['unread_count'] ?? 0),
        }) as unknown as ConversationViewRecord,
    ),
  };
}

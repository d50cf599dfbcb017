import { isBsuid } from '@app/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { EngineDatabase } from '../database';
import type { SupportStatus } from '../../domain/bot';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

export async function updateConversation(
  db: Db,
  id: string,
  patch: {
    bot_state?: unknown;
    last_inbound_at?: Date;
    last_message_at?: Date;
    last_message_preview?: string | null;
    support_status?: SupportStatus;
    support_requested_at?: Date | null;
    support_receipt_at?: Date | null;
    admin_read_seq?: number;
    admin_read_at?: Date;
    admin_read_by?: string;
    service_window_closed_at?: Date | null;
  },
) {
  await db
    .updateTable('conversations')
    .set({ ...patch, ...(patch.bot_state !== undefined ? { bot_state: JSON.stringify(patch.bot_state) } : {}), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * The one way admins name a student (`{student}`): a business-scoped user id finds the conversation holding
 * it, phone digits the one holding that phone. Either finds the same conversation once both are known.
 */
function byStudent(db: Db, student: string) {
  const query = db.selectFrom('conversations').selectAll();
  return isBsuid(student) ? query.where('user_id', '=', student) : query.where('phone_number', '=', student);
}

export async function findConversationByStudent(db: Db, student: string) {
  return byStudent(db, student).executeTakeFirst();
}

/** The conversation of a student, locked until commit: admin commands serialise with the student's messages. */
export async function lockConversationByStudent(db: Db, student: string) {
  return byStudent(db, student).forUpdate().executeTakeFirst();
}

export async function lockConversation(db: Db, id: string) {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Moves the shared admin read marker to the conversation's newest message (never back): its unread count is
 * the student's messages after it. Returns the conversation's id, or undefined for an unknown one.
 */
export async function markConversationRead(db: Db, conversationId: string, at: Date, by: string): Promise<string | undefined> {
  const row = await db
    .updateTable('conversations as c')
    .set({
      admin_read_seq: sql<number>`greatest(c.admin_read_seq, coalesce((select max(m.seq) from messages m where m.conversation_id = c.id), 0))`,
      admin_read_at: at,
      admin_read_by: by,
    })
    .where('c.id', '=', conversationId)
    .returning('c.id')
    .executeTakeFirst();
  return row?.id;
}

/** The conversation's window facts, locked: a send result and the student's next message never interleave. */
export async function lockConversationWindow(db: Db, id: string) {
  return db
    .selectFrom('conversations')
    .select(['id', 'last_inbound_at', 'service_window_closed_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The typing indicator's throttle clock; not a change admins see, so updated_at stays. */
export async function recordTypingIndicated(db: Db, id: string, at: Date) {
  await db.updateTable('conversations').set({ typing_indicated_at: at }).where('id', '=', id).execute();
}

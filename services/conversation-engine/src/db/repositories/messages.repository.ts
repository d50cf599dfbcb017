import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { MessagePricing } from '../../domain/pricing';
import type { EngineDatabase } from '../database';
import type { MessagesTable } from '../tables/conversation-tables';
import type { MessageStatus } from '../../domain/message-status';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

export async function insertMessage(db: Db, message: Insertable<MessagesTable>) {
  await db.insertInto('messages').values(message).execute();
}

export async function findMessageByWamid(db: Db, wamid: string) {
  return db
    .selectFrom('messages')
    .select(['id', 'status', 'conversation_id', 'created_at', 'pricing_type', 'pricing_category'])
    .where('wamid', '=', wamid)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Type and category follow the latest status that carried pricing; priced_at stays the first one's, so a
 * message counts on one day only, however many statuses repeat its pricing.
 */
export async function setMessagePricing(db: Db, id: string, pricing: MessagePricing) {
  await db
    .updateTable('messages')
    .set({
      pricing_type: pricing.type,
      pricing_category: pricing.category,
      priced_at: sql<Date>`coalesce(priced_at, ${pricing.pricedAt})`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** The student's newest message, the one a mark-as-read names (Meta marks the earlier ones read with it). */
export async function latestInboundMessage(db: Db, conversationId: string) {
  return (
    db
      .selectFrom('messages')
      .select(['id', 'wamid'])
      .where('conversation_id', '=', conversationId)
      .where('direction', '=', 'inbound')
      // The student's own: WhatsApp's system notices (a new number, a new user id) are not marked read.
      .where('author', '=', 'student')
      .where('wamid', 'is not', null)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}

export async function setMessageDelivery(
  db: Db,
  id: string,
  /** error: an object sets it, null clears it, absent keeps it. */
  patch: { status?: MessageStatus; wamid?: string; error?: { code: number; title: string } | null; sendRetry?: number },
) {
  await db
    .updateTable('messages')
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      // Sent, delivered, read or failed: no longer late, the retry note goes.
      ...(patch.status && patch.status !== 'queued'
        ? { retry_reason: null, retry_code: null, retry_attempt: null, next_attempt_at: null }
        : {}),
      ...(patch.wamid ? { wamid: patch.wamid } : {}),
      ...(patch.error !== undefined ? { error: patch.error === null ? null : JSON.stringify(patch.error) } : {}),
      ...(patch.sendRetry !== undefined ? { send_retry: patch.sendRetry } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

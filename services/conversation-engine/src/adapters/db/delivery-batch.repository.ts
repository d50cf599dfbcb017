import { sql, type Transaction } from 'kysely';
import type { EngineDatabase, MessageStatus } from './database';

// Set-based statements for a batch of send results: a handful per batch instead of several per result.

type Trx = Transaction<EngineDatabase>;

export async function findMessagesForUpdate(trx: Trx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('messages')
    .select(['id', 'status', 'wamid', 'error', 'conversation_id', 'send_retry', 'created_at'])
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export interface DeliveryUpdate {
  id: string;
  status: MessageStatus;
  wamid: string | null;
  error: { code: number; title: string } | null;
  sendRetry: number;
}

/**
 * Each message's delivery as it now stands (every column given, the unchanged ones as they were). A message
 * that left `queued` loses its retry note: it is no longer late.
 */
export async function setMessageDeliveries(trx: Trx, updates: readonly DeliveryUpdate[]) {
  if (updates.length === 0) return;
  await sql`
    update messages m set status = v.status, wamid = v.wamid, error = v.error, send_retry = v.send_retry, updated_at = now(),
      retry_reason = case when v.status = 'queued' then m.retry_reason end, retry_code = case when v.status = 'queued' then m.retry_code end,
      retry_attempt = case when v.status = 'queued' then m.retry_attempt end, next_attempt_at = case when v.status = 'queued' then m.next_attempt_at end
    from unnest(${sql.val(updates.map((u) => u.id))}::uuid[], ${sql.val(updates.map((u) => u.status))}::text[],
      ${sql.val(updates.map((u) => u.wamid))}::text[], ${sql.val(updates.map((u) => (u.error ? JSON.stringify(u.error) : null)))}::jsonb[],
      ${sql.val(updates.map((u) => u.sendRetry))}::int[]) as v(id, status, wamid, error, send_retry)
    where m.id = v.id`.execute(trx);
}

export interface RetryNote {
  messageId: string;
  reason: string;
  code: number;
  attempt: number;
  nextAttemptAt: Date;
}

/**
 * Keeps the sender's note on a message still queued, unless it holds a later attempt's: by primary key, no
 * read first. A note arriving after the message was sent or failed, a repeat, or an older attempt's note
 * arriving late updates nothing (false). Concurrent with a send result, either order ends the same: the
 * result's update waits on this row lock, or this one re-reads the committed row and finds it not queued.
 */
export async function noteSendRetry(trx: Trx, note: RetryNote): Promise<boolean> {
  const updated = await trx
    .updateTable('messages')
    .set({ retry_reason: note.reason, retry_code: note.code, retry_attempt: note.attempt, next_attempt_at: note.nextAttemptAt, updated_at: new Date() })
    .where('id', '=', note.messageId)
    .where('status', '=', 'queued')
    .where((eb) => eb.or([eb('retry_attempt', 'is', null), eb('retry_attempt', '<', note.attempt)]))
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

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

/** Each message's delivery as it now stands (every column given, the unchanged ones as they were). */
export async function setMessageDeliveries(trx: Trx, updates: readonly DeliveryUpdate[]) {
  if (updates.length === 0) return;
  await sql`
    update messages m set status = v.status, wamid = v.wamid, error = v.error, send_retry = v.send_retry, updated_at = now()
    from unnest(${sql.val(updates.map((u) => u.id))}::uuid[], ${sql.val(updates.map((u) => u.status))}::text[],
      ${sql.val(updates.map((u) => u.wamid))}::text[], ${sql.val(updates.map((u) => (u.error ? JSON.stringify(u.error) : null)))}::jsonb[],
      ${sql.val(updates.map((u) => u.sendRetry))}::int[]) as v(id, status, wamid, error, send_retry)
    where m.id = v.id`.execute(trx);
}

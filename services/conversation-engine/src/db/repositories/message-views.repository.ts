import type { Kysely, Transaction } from 'kysely';
import type { EngineDatabase } from '../database';
import { anyUuid } from './any-uuid';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

export function messageViews(db: Db) {
  return db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .leftJoin('message_media as mm', 'mm.message_id', 'm.id')
    .select([
      'm.id',
      'm.seq',
      'c.phone_number',
      'c.user_id',
      'm.direction',
      'm.author',
      'm.agent_name',
      'm.type',
      'm.text',
      'm.status',
      'm.error',
      'm.created_at',
      'm.source',
    ])
    .select([
      'mm.kind as media_kind',
      'mm.mime_type as media_mime_type',
      'mm.size as media_size',
      'mm.caption as media_caption',
      'mm.filename as media_filename',
      'mm.status as media_status',
      'mm.failure_reason as media_failure_reason',
    ])
    .select(['m.pricing_type', 'm.pricing_category'])
    .select(['m.retry_reason', 'm.retry_code', 'm.retry_attempt', 'm.next_attempt_at']);
}

export async function findMessageViews(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return messageViews(db).where('m.id', '=', anyUuid(ids)).orderBy('m.seq').execute();
}

/**
 * One page of a conversation's history going back in time from `beforeSeq`, newest first, one row more than
 * asked (to tell whether older messages exist). seq is the order messages were written in, which for one
 * conversation is the order they happened (its writers hold the conversation's row lock).
 */
export async function messagePage(db: Db, conversationId: string, opts: { beforeSeq?: number; limit: number }) {
  let query = messageViews(db).where('m.conversation_id', '=', conversationId);
  if (opts.beforeSeq !== undefined) query = query.where('m.seq', '<', opts.beforeSeq);
  return query
    .orderBy('m.seq', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

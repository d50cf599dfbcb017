import { sql, type Kysely, type Transaction } from 'kysely';
import type { EngineDatabase } from '../database';

type Trx = Transaction<EngineDatabase>;

/** What must be found before a student's rows go: what lives outside their rows (files, jobs, statuses by wamid). */
export async function erasureFacts(trx: Trx, conversationId: string, sendJobsSince: Date) {
  const media = await trx
    .selectFrom('message_media')
    .select(['media_id', 'storage_key'])
    .where('conversation_id', '=', conversationId)
    .execute();
  const outbox = await trx
    .selectFrom('outbox')
    .select(['id', 'message_id', 'kind', sql<string | null>`job->>'mediaId'`.as('media_id')])
    .where('conversation_id', '=', conversationId)
    .execute();
  // Sends leave jobs behind for as long as the sender keeps failed ones (7 days); older ones are gone already.
  const recentSends = await trx
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'outbound')
    .where('created_at', '>=', sendJobsSince)
    .execute();
  const wamids = await trx
    .selectFrom('messages')
    .select('wamid')
    .where('conversation_id', '=', conversationId)
    .where('wamid', 'is not', null)
    .execute();
  const openChat = await trx
    .selectFrom('support_chats')
    .select(['status', 'assigned_admin_id'])
    .where('conversation_id', '=', conversationId)
    .where('status', 'in', ['waiting', 'active'])
    .executeTakeFirst();
  return {
    storageKeys: media.flatMap((m) => (m.storage_key ? [m.storage_key] : [])),
    jobIds: [
      ...new Set([
        ...outbox.flatMap((o) => [o.id, o.message_id, ...(o.media_id ? [`media-${o.media_id}`] : [])]),
        ...media.map((m) => `media-${m.media_id}`),
        ...recentSends.map((m) => m.id),
      ]),
    ],
    wamids: wamids.flatMap((m) => (m.wamid ? [m.wamid] : [])),
    openChat,
  };
}

/** `table` must come from tablesAboutStudents (an identifier, quoted). */
export async function deleteRowsAbout(trx: Trx, table: string, conversationId: string): Promise<number> {
  const result = await sql`delete from ${sql.table(table)} where conversation_id = ${conversationId}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export async function deleteConversationRow(trx: Trx, conversationId: string): Promise<number> {
  const result = await trx.deleteFrom('conversations').where('id', '=', conversationId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Statuses that came before their send result, for the student's messages (keyed by wamid only). */
export async function deletePendingStatuses(trx: Trx, wamids: readonly string[]): Promise<number> {
  if (wamids.length === 0) return 0;
  const result = await sql`delete from pending_statuses where wamid = any(${wamids as string[]}::text[])`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Parked events about the student: named in phone_number, or carrying one of their ids in the payload (an
 * event whose student could not be read names nobody). A scan of parked_events, which is small: rare, bounded by
 * retention, and this is a rare command.
 */
export async function deleteParkedEventsAbout(trx: Trx, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const list = ids as string[];
  const result = await sql`delete from parked_events where phone_number = any(${list}::text[])
    or exists (select 1 from unnest(${list}::text[]) as id where strpos(payload, id) > 0)`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export async function insertErasure(
  trx: Trx,
  row: {
    id: string;
    subjectHashes: string[];
    erasedAt: Date;
    erasedBy: { id: string; name: string };
    removed: Record<string, number>;
    storageKeys: readonly string[];
  },
): Promise<void> {
  await trx
    .insertInto('student_erasures')
    .values({
      id: row.id,
      subject_hashes: row.subjectHashes,
      erased_at: row.erasedAt,
      erased_by_id: row.erasedBy.id,
      erased_by_name: row.erasedBy.name,
      removed: JSON.stringify(row.removed),
    })
    .execute();
  if (row.storageKeys.length === 0) return;
  await trx
    .insertInto('erased_media_objects')
    .values(row.storageKeys.map((key) => ({ storage_key: key, erasure_id: row.id })))
    .onConflict((oc) => oc.column('storage_key').doNothing())
    .execute();
}

/** Forgets the keys admin-api deleted from the media store, and names the next ones still to delete. */
export async function nextErasedMedia(db: Kysely<EngineDatabase>, deleted: readonly string[], limit: number): Promise<string[]> {
  if (deleted.length > 0) await db.deleteFrom('erased_media_objects').where('storage_key', 'in', deleted).execute();
  const rows = await db
    .selectFrom('erased_media_objects')
    .select('storage_key')
    .orderBy('created_at')
    .orderBy('storage_key')
    .limit(limit)
    .execute();
  return rows.map((r) => r.storage_key);
}

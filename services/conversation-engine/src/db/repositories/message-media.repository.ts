import type { Kysely, Transaction } from 'kysely';
import type { MediaRecord } from '../../domain/media';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

export async function insertMessageMedia(
  db: Db,
  row: { messageId: string; conversationId: string; record: MediaRecord; failed?: { reason: string; detail: string } },
) {
  const { record } = row;
  await db
    .insertInto('message_media')
    .values({
      message_id: row.messageId,
      conversation_id: row.conversationId,
      media_id: record.mediaId,
      kind: record.kind,
      mime_type: record.mimeType,
      sha256: record.sha256,
      caption: record.caption,
      filename: record.filename,
      status: row.failed ? 'failed' : 'pending',
      failure_reason: row.failed?.reason ?? null,
      failure_detail: row.failed?.detail ?? null,
    })
    .execute();
}

/** The file is in the media store: every message that carried this media id shows it. Returns their ids. */
export async function markMediaStored(
  db: Db,
  mediaId: string,
  stored: { storageKey: string; mimeType: string; size: number; sha256: string },
): Promise<string[]> {
  const rows = await db
    .updateTable('message_media')
    .set({
      status: 'stored',
      storage_key: stored.storageKey,
      mime_type: stored.mimeType,
      size: stored.size,
      sha256: stored.sha256,
      failure_reason: null,
      failure_detail: null,
      updated_at: new Date(),
    })
    .where('media_id', '=', mediaId)
    .where('status', '<>', 'stored')
    .returning('message_id')
    .execute();
  return rows.map((r) => r.message_id);
}

/** Given up for good; a file already stored (an earlier download of the same id) stays stored. */
export async function markMediaFailed(db: Db, mediaId: string, failure: { reason: string; detail: string }): Promise<string[]> {
  const rows = await db
    .updateTable('message_media')
    .set({ status: 'failed', failure_reason: failure.reason, failure_detail: failure.detail, updated_at: new Date() })
    .where('media_id', '=', mediaId)
    .where('status', '=', 'pending')
    .returning('message_id')
    .execute();
  return rows.map((r) => r.message_id);
}

export async function findMessageMedia(db: Db, messageId: string) {
  return db.selectFrom('message_media').selectAll().where('message_id', '=', messageId).executeTakeFirst();
}

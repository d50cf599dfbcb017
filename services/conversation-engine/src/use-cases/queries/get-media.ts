import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { findMessageMedia } from '../../db/repositories/message-media.repository';
import { EngineCommandError } from '../../domain/engine-error';

export interface MediaLocation {
  message_id: string;
  kind: 'image' | 'document' | 'audio' | 'video';
  status: 'pending' | 'stored' | 'failed';
  storage_key: string | null;
  mime_type: string | null;
  size: number | null;
  filename: string | null;
}

/** Where the file of a message is, for admin-api to stream it from the media store; not_found for none. */
export async function getMedia(deps: { db: Kysely<EngineDatabase> }, request: { message_id: string }): Promise<MediaLocation> {
  const media = await findMessageMedia(deps.db, request.message_id);
  if (!media) throw new EngineCommandError('not_found', 'no file with this message');
  return {
    message_id: media.message_id,
    kind: media.kind,
    status: media.status,
    storage_key: media.status === 'stored' ? media.storage_key : null,
    mime_type: media.mime_type,
    size: media.size === null ? null : Number(media.size),
    filename: media.filename,
  };
}

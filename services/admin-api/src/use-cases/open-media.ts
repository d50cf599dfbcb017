import type { Readable } from 'node:stream';
import { MediaStoreError, type MediaStore } from '@app/media-store';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { EngineGateway } from '../domain/engine-gateway';
import { AppError } from '../domain/errors';
import { contentDisposition, safeContentType } from '../domain/media-response';

export interface OpenMediaDeps {
  engine: Pick<EngineGateway, 'getMedia'>;
  mediaStore: Pick<MediaStore, 'get'>;
}

export interface MediaFile {
  stream: Readable;
  contentType: string;
  size: number;
  disposition: string;
}

/**
 * A student's file, for an admin: the engine says where it is (media.get), the media store has the bytes
 * (whatsapp-sender put them there). Not found when the message has no file, when it is not downloaded (yet,
 * or ever: its failure shows in the message's media view), and when the store has lost it; unavailable (503,
 * worth a retry) while the store cannot be reached.
 */
export async function openMedia(
  deps: OpenMediaDeps,
  input: { user: AdminUser; messageId: string; correlationId: string },
): Promise<MediaFile> {
  const media = await deps.engine.getMedia({ actor: actorOf(input.user), message_id: input.messageId }, input.correlationId);
  if (media.status !== 'stored' || media.storage_key === null) {
    throw new AppError(
      'not_found',
      media.status === 'pending' ? 'the file is not downloaded yet' : 'the file could not be downloaded from WhatsApp',
    );
  }
  const stored = await deps.mediaStore.get(media.storage_key).catch((error: unknown) => {
    if (error instanceof MediaStoreError && error.code === 'unavailable')
      throw new AppError('unavailable', 'the media store cannot be reached; try again shortly', { cause: error });
    throw error;
  });
  if (!stored) throw new AppError('not_found', 'the file is missing from the media store');
  const contentType = safeContentType(stored.contentType);
  return {
    stream: stored.stream,
    contentType,
    size: stored.size,
    disposition: contentDisposition({ contentType, filename: media.filename, fallbackName: `${media.kind}-${media.message_id}` }),
  };
}

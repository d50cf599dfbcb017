import { z } from 'zod';
import { mediaIdSchema } from '../jobs/download-media.job';
import { eventSchema } from './envelope';

/**
 * An inbound media file, downloaded from the Cloud API and stored (libs/media-store) under `storageKey`,
 * on topology(ns).mediaDownloadedSubject. id = mediaEventId(mediaId, 'downloaded').
 */
export const mediaDownloadedV1 = eventSchema(
  'whatsapp.media.downloaded',
  1,
  z.object({
    mediaId: mediaIdSchema,
    messageId: z.string().min(1).max(256).optional(),
    storageKey: z.string().min(1).max(512),
    mimeType: z.string().min(1).max(255),
    size: z.number().int().min(0),
    /** Lowercase hex SHA-256 of the stored bytes, checked against Meta's. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
);
export type MediaDownloadedV1 = z.infer<typeof mediaDownloadedV1>;

export function mediaEventId(mediaId: string, outcome: 'downloaded' | 'failed'): string {
  return `media:${mediaId}:${outcome}`;
}

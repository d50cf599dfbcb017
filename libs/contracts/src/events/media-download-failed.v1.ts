import { z } from 'zod';
import { mediaIdSchema } from '../jobs/download-media.job';
import { eventSchema } from './envelope';

const MEDIA_FAILURE_REASONS = [
  /** Meta no longer has the media (404): ids expire after days. */
  'expired',
  /** Larger than MEDIA_MAX_BYTES (announced by Meta, or counted while streaming). */
  'oversize',
  /** The bytes did not match Meta's sha256, on every attempt. */
  'checksum_mismatch',
  /** Meta refused the request for another reason (4xx). */
  'rejected',
  /** Temporary failures (5xx, timeouts, network) on every allowed attempt. */
  'unavailable',
  /** The job data did not parse. */
  'invalid_job',
] as const;
export type MediaFailureReason = (typeof MEDIA_FAILURE_REASONS)[number];

/** A media download given up for good, on topology(ns).mediaDownloadFailedSubject. id = mediaEventId(mediaId, 'failed'). */
export const mediaDownloadFailedV1 = eventSchema(
  'whatsapp.media.download.failed',
  1,
  z.object({
    mediaId: mediaIdSchema,
    messageId: z.string().min(1).max(256).optional(),
    reason: z.enum(MEDIA_FAILURE_REASONS),
    detail: z.string().max(1024),
    attempts: z.number().int().min(0),
  }),
);
export type MediaDownloadFailedV1 = z.infer<typeof mediaDownloadFailedV1>;

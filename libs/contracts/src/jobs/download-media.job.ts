import { z } from 'zod';
import { waIdSchema } from '../whatsapp/student-id';
import { COMPLETED_JOB_RETENTION, FAILED_JOB_RETENTION } from './send-message.job';

/** Meta's media ids are digits; anything else is refused so that an id is always a safe storage key. */
export const mediaIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'a media id is 1-128 letters, digits, _ or -');

/**
 * BullMQ job data of WIRE.jobs.downloadMedia on topology(ns).mediaDownloadQueue. The producer
 * (the engine, through its outbox) adds it as soon as an inbound message carries media: Meta's media ids
 * expire, so the download is eager, and retried on its own schedule by the sender. Outcome: a
 * media-downloaded.v1 or media-download-failed.v1 event on the DELIVERY stream.
 */
export const downloadMediaJobSchema = z.object({
  version: z.literal(1),
  mediaId: mediaIdSchema,
  /** The inbound message (wamid) that carried the media, echoed in the outcome event. */
  messageId: z.string().min(1).max(256).optional(),
  from: waIdSchema.optional(),
  /** As the webhook said; Meta's media answer is what the download is checked against. */
  mimeType: z.string().min(1).max(255).optional(),
  sha256: z.string().min(1).max(128).optional(),
  correlationId: z.string().min(1).max(128),
});
export type DownloadMediaJob = z.infer<typeof downloadMediaJobSchema>;

/** BullMQ refuses ':' in custom job ids, hence '-': one job per media id, a repeated add is a no-op. */
export function mediaDownloadJobId(mediaId: string): string {
  return `media-${mediaId}`;
}

/** Options a producer sets next to jobId = mediaDownloadJobId(mediaId); the sender owns the retries. */
export const DOWNLOAD_MEDIA_JOB_OPTIONS = {
  removeOnComplete: { age: COMPLETED_JOB_RETENTION.ageSeconds, count: COMPLETED_JOB_RETENTION.count },
  removeOnFail: { age: FAILED_JOB_RETENTION.ageSeconds, count: FAILED_JOB_RETENTION.count },
} as const;

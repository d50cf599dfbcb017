import { describeIssues, downloadMediaJobSchema, type DownloadMediaJob } from '@app/contracts';
import type { InboundInput } from './inbound-input';

type MediaInput = Extract<InboundInput, { kind: 'media' }>;

/** What is kept of a file the student sent, before and after the sender downloads it. */
export interface MediaRecord {
  mediaId: string;
  kind: MediaInput['mediaType'];
  mimeType: string | null;
  sha256: string | null;
  caption: string | null;
  filename: string | null;
}

export type MediaPlan =
  /** Download it: the job goes through the outbox in the message's own transaction, so it is never lost. */
  | { kind: 'download'; record: MediaRecord; job: DownloadMediaJob }
  /** Meta's id is not one the sender can take (it names the stored object): failed at once, nothing queued. */
  | { kind: 'invalid'; record: MediaRecord; detail: string };

/**
 * The download of an inbound image, document, audio or video, eager because Meta's media ids expire after
 * days. Stickers are not kept (the bot answers them as unsupported); anything else has no file.
 */
export function planMediaDownload(
  input: InboundInput,
  ctx: { wamid: string; from: string | null; correlationId: string },
): MediaPlan | undefined {
  if (input.kind !== 'media') return undefined;
  const record: MediaRecord = {
    mediaId: input.mediaId,
    kind: input.mediaType,
    mimeType: input.mimeType ?? null,
    sha256: input.sha256 ?? null,
    caption: input.caption ?? null,
    filename: input.filename ?? null,
  };
  const job = downloadMediaJobSchema.safeParse({
    version: 1,
    mediaId: input.mediaId,
    messageId: ctx.wamid,
    // The student's phone, only when known: a student who withholds it is downloaded for all the same.
    ...(ctx.from !== null ? { from: ctx.from } : {}),
    ...(input.mimeType ? { mimeType: input.mimeType } : {}),
    ...(input.sha256 ? { sha256: input.sha256 } : {}),
    correlationId: ctx.correlationId,
  });
  if (!job.success) return { kind: 'invalid', record, detail: describeIssues(job.error, '').slice(0, 1024) };
  return { kind: 'download', record, job: job.data };
}

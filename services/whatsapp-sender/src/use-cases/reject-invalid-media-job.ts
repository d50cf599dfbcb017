import { mediaEventId } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { DownloadMediaDeps, SendDecision } from './ports';

/** A media job that does not parse is never downloaded; when it names its media id, the failure is reported. */
export async function rejectInvalidMediaJob(
  deps: Pick<DownloadMediaDeps, 'publisher' | 'metrics' | 'now'>,
  input: { mediaId: string | undefined; messageId: string | undefined; correlationId: string | undefined; reason: string; log: Logger },
): Promise<SendDecision> {
  const { mediaId, reason, log } = input;
  deps.metrics.mediaSettled('failed', 'invalid_job');
  if (mediaId === undefined) {
    log.error({ reason }, 'invalid media job without a media id; dropped');
    return { kind: 'failed', reason: `invalid job data: ${reason}` };
  }
  await deps.publisher.mediaDownloadFailed({
    id: mediaEventId(mediaId, 'failed'),
    type: 'whatsapp.media.download.failed',
    version: 1,
    occurredAt: deps.now().toISOString(),
    correlationId: input.correlationId ?? `media-${mediaId}`,
    data: {
      mediaId,
      ...(input.messageId ? { messageId: input.messageId } : {}),
      reason: 'invalid_job',
      detail: reason.slice(0, 1024),
      attempts: 0,
    },
  });
  log.error({ reason }, 'invalid media job; failure published');
  return { kind: 'failed', reason: `invalid job data: ${reason}` };
}

import { mediaEventId, type DownloadMediaJob, type MediaFailureReason } from '@app/contracts';
import type { Logger } from '@app/logging';
import {
  ChecksumMismatchError,
  classifyMediaFailure,
  finalMediaReason,
  mediaStorageKey,
  MediaTooLargeError,
  MediaTransferError,
  normalizeSha256,
} from '../domain/media-failure';
import { backoffDelayMs } from '../domain/retry-policy';
import type { CloudApiFailure } from '../domain/send-error';
import { pauseSending } from './pause-sending';
import type { DownloadMediaDeps, SendDecision } from './ports';

/**
 * Downloads one inbound media file eagerly (Meta's ids expire): metadata, then the short-lived URL, both
 * with the Bearer token; the bytes are counted and hashed while they stream into the media store, which
 * keeps nothing unless they are complete, under MEDIA_MAX_BYTES and match Meta's sha256. Expired ids,
 * oversize files and other refusals fail at once; 5xx, timeouts, broken transfers and checksum mismatches
 * are retried with backoff up to MEDIA_MAX_ATTEMPTS; an invalid token pauses everything like a send does.
 */
export async function downloadMedia(deps: DownloadMediaDeps, input: { job: DownloadMediaJob; log: Logger }): Promise<SendDecision> {
  const { job, log } = input;
  const { maxAttempts, maxBytes } = deps.policy;
  const attempt = await deps.attempts.next(job.mediaId);
  const ids = { mediaId: job.mediaId, ...(job.messageId ? { messageId: job.messageId } : {}) };

  const fail = async (reason: MediaFailureReason, detail: string): Promise<SendDecision> => {
    await deps.publisher.mediaDownloadFailed({
      id: mediaEventId(job.mediaId, 'failed'),
      type: 'whatsapp.media.download.failed',
      version: 1,
      occurredAt: deps.now().toISOString(),
      correlationId: job.correlationId,
      data: { ...ids, reason, detail: detail.slice(0, 1024), attempts: attempt },
    });
    deps.metrics.mediaSettled('failed', reason);
    log.warn({ reason, detail, attempt }, 'media download failed for good');
    return { kind: 'failed', reason: `${reason}: ${detail}` };
  };
  const retryOrFail = async (reason: MediaFailureReason, detail: string): Promise<SendDecision> => {
    if (attempt >= maxAttempts) return fail(reason, detail);
    const delayMs = backoffDelayMs(attempt, deps.policy.backoffBaseMs, deps.random);
    deps.metrics.mediaSettled('retrying', reason);
    log.warn({ reason, detail, attempt, delayMs }, 'media download failed; will retry');
    return { kind: 'retry', delayMs, reason };
  };
  const onFailure = async (failure: CloudApiFailure, stage: 'metadata' | 'download'): Promise<SendDecision> => {
    const kind = classifyMediaFailure(failure, stage);
    if (kind === 'token_invalid') {
      await deps.attempts.giveBack(job.mediaId);
      await pauseSending(deps, {
        error: { code: failure.kind === 'http' ? (failure.code ?? failure.status) : 0, title: failure.title },
        log,
      });
      deps.metrics.mediaSettled('paused');
      return { kind: 'requeue', reason: 'sending paused: access token refused' };
    }
    if (kind === 'temporary') return retryOrFail('unavailable', failure.title);
    return fail(finalMediaReason(kind), failure.title);
  };

  const meta = await deps.mediaApi.metadata(job.mediaId);
  if (!meta.ok) return onFailure(meta.failure, 'metadata');
  const { url, mime_type: mimeType, file_size: announced } = meta.value;
  if (announced !== undefined && announced > maxBytes) return fail('oversize', `${announced} bytes announced; the limit is ${maxBytes}`);
  const expected = normalizeSha256(meta.value.sha256) ?? normalizeSha256(job.sha256);
  if (expected === undefined) log.warn({ sha256: meta.value.sha256 }, 'no readable sha256 from meta; storing the media unchecked');

  const download = await deps.mediaApi.download(url, { maxBytes, sha256: expected });
  if (!download.ok) return onFailure(download.failure, 'download');
  const { body, announcedBytes } = download.value;
  if (announcedBytes !== undefined && announcedBytes > maxBytes) {
    body.destroy();
    return fail('oversize', `${announcedBytes} bytes served; the limit is ${maxBytes}`);
  }
  const storageKey = mediaStorageKey(job.mediaId);
  let size: number;
  try {
    ({ size } = await deps.mediaStore.put(storageKey, body, { contentType: mimeType, ...(expected ? { sha256: expected } : {}) }));
  } catch (error) {
    if (error instanceof MediaTooLargeError) return fail('oversize', error.message);
    if (error instanceof ChecksumMismatchError) return retryOrFail('checksum_mismatch', error.message);
    if (error instanceof MediaTransferError) return retryOrFail('unavailable', error.message);
    throw error; // the store itself failed: run again later, nothing was reported
  }

  const sha256 = download.value.sha256();
  await deps.publisher.mediaDownloaded({
    id: mediaEventId(job.mediaId, 'downloaded'),
    type: 'whatsapp.media.downloaded',
    version: 1,
    occurredAt: deps.now().toISOString(),
    correlationId: job.correlationId,
    data: { ...ids, storageKey, mimeType, size, sha256 },
  });
  deps.metrics.mediaSettled('downloaded');
  log.info({ storageKey, size, attempt }, 'media downloaded and stored');
  return { kind: 'completed', result: { storageKey, size, sha256 } };
}

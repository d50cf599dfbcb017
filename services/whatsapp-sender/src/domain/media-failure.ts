import type { MediaFailureReason } from '@app/contracts';
import { META_ERROR_CLASSES, type CloudApiFailure } from './send-error';

/** How one failed media request is handled. */
export type MediaFailureKind =
  /** Meta no longer has the media: fail now. */
  | 'expired'
  /** Stop everything like a send would (pause); this attempt does not count. */
  | 'token_invalid'
  /** 5xx, timeouts, throttling, a download URL that expired meanwhile: retry with backoff. */
  | 'temporary'
  /** Any other refusal: fail now. */
  | 'rejected';

/** Graph's "object does not exist" subcode, answered for media ids Meta no longer keeps. */
const UNKNOWN_OBJECT_SUBCODE = 33;

export function classifyMediaFailure(failure: CloudApiFailure, stage: 'metadata' | 'download'): MediaFailureKind {
  if (failure.kind !== 'http') return 'temporary';
  const byCode = failure.code === undefined ? undefined : META_ERROR_CLASSES[failure.code];
  if (failure.status === 401 || byCode === 'token_invalid') return 'token_invalid';
  if (stage === 'metadata' && (failure.status === 404 || failure.subcode === UNKNOWN_OBJECT_SUBCODE)) return 'expired';
  // The download URL lives minutes: a 404 there means fetching the metadata again, not that the media is gone.
  if (stage === 'download' && (failure.status === 404 || failure.status === 403)) return 'temporary';
  if (byCode === 'temporary' || byCode === 'throughput' || failure.status === 429 || failure.status >= 500) return 'temporary';
  return 'rejected';
}

/** The reason a media download is reported failed for good, once retries (if any) are spent. */
export function finalMediaReason(kind: Exclude<MediaFailureKind, 'token_invalid'>): MediaFailureReason {
  switch (kind) {
    case 'expired':
      return 'expired';
    case 'rejected':
      return 'rejected';
    case 'temporary':
      return 'unavailable';
  }
}

export class MediaTooLargeError extends Error {
  override name = 'MediaTooLargeError';
  readonly code = 'oversize' as const;
}

export class ChecksumMismatchError extends Error {
  override name = 'ChecksumMismatchError';
  readonly code = 'checksum_mismatch' as const;
}

/** Meta's sha256 as lowercase hex, whether it came as hex or base64; undefined when it is neither. */
export function normalizeSha256(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^[0-9a-fA-F]{64}$/.test(value)) return value.toLowerCase();
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes.toString('hex');
  }
  return undefined;
}

/** Inbound media is stored under its Meta media id (already restricted to a safe key by the job schema). */
export function mediaStorageKey(mediaId: string): string {
  return `whatsapp/${mediaId}`;
}

/** The download broke off (connection reset, timeout) after it started: retried like a 5xx. */
export class MediaTransferError extends Error {
  override name = 'MediaTransferError';
  readonly code = 'transfer_failed' as const;
}

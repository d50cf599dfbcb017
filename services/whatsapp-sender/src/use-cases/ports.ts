import type { Readable } from 'node:stream';
import type {
  MediaDownloadedV1,
  MediaDownloadFailedV1,
  MediaMetadataResponse,
  OutboundReadResultV1,
  OutboundSendResultV1,
  OutboundSendRetryingV1,
  PauseReason,
  SendError,
} from '@app/contracts';
import type { MediaStore } from '@app/media-store';
import type { CloudApiMessageBody } from '../domain/message-body';
import type { CloudApiReadBody } from '../domain/read-body';
import type { RetryPolicy } from '../domain/retry-policy';
import type { CloudApiFailure, SendErrorClass } from '../domain/send-error';
import type { SendState } from '../domain/send-state';
import type { FailedJob } from '../domain/dead-letter';

/** `userId`: the business-scoped user id Meta's answer names the recipient by (contacts[0].user_id), for logs only. */
export type CloudApiOutcome = { ok: true; wamid: string; userId?: string } | { ok: false; failure: CloudApiFailure };
export type CallOutcome<T = undefined> = { ok: true; value: T } | { ok: false; failure: CloudApiFailure };

/** Never throws for what Meta or the network did: every such outcome is a value. */
export interface CloudApi {
  send(body: CloudApiMessageBody): Promise<CloudApiOutcome>;
  markRead(body: CloudApiReadBody): Promise<CallOutcome>;
  /** A cheap authenticated read (the business phone number): does the token work? */
  probe(): Promise<CallOutcome>;
}

export interface MediaApi {
  metadata(mediaId: string): Promise<CallOutcome<MediaMetadataResponse>>;
  /**
   * The bytes behind a media URL, verified while they stream: the stream errors with MediaTooLargeError as
   * soon as it passes `maxBytes` (the request is aborted) and with ChecksumMismatchError at its end when
   * `sha256` (hex) is given and differs. Destroying `body` aborts the request.
   */
  download(
    url: string,
    limits: { maxBytes: number; sha256: string | undefined },
  ): Promise<CallOutcome<{ body: Readable; announcedBytes: number | undefined; sha256: () => string }>>;
}

export interface SendStateStore {
  get(id: string): Promise<SendState | undefined>;
  getMany(ids: string[]): Promise<(SendState | undefined)[]>;
  /**
   * Starts an attempt, in one step: answers the state as it was and, unless that holds an outcome
   * (accepted, failed), leaves the id in flight at attempt `nextAttempt(state)`.
   */
  claimAttempt(id: string): Promise<SendState | undefined>;
  recordAccepted(id: string, wamid: string, attempts: number): Promise<void>;
  recordRefused(id: string, error: SendError, attempts: number): Promise<void>;
  recordFailed(id: string, error: SendError, attempts: number): Promise<void>;
  /**
   * Clears a final failure for an admin retry, atomically: answers the retry number (a retry already
   * requeued keeps its number), or 'not_failed' when the state holds a success or a send in progress.
   */
  requeueFailed(id: string): Promise<number | 'not_failed'>;
}

export interface MediaAttempts {
  /** Counts one more attempt at downloading this media and answers its number. */
  next(mediaId: string): Promise<number>;
  /** Takes an attempt back (it was cut short by an invalid token, not by the download). */
  giveBack(mediaId: string): Promise<void>;
}

export interface DeliveryPublisher {
  /** Each resolves once JetStream stored the event, and throws when it did not. */
  sendResult(event: OutboundSendResultV1): Promise<void>;
  /** An interim note, not an outcome: a send that failed and will be retried. */
  sendRetrying(event: OutboundSendRetryingV1): Promise<void>;
  readResult(event: OutboundReadResultV1): Promise<void>;
  mediaDownloaded(event: MediaDownloadedV1): Promise<void>;
  mediaDownloadFailed(event: MediaDownloadFailedV1): Promise<void>;
}

export interface PauseRecord {
  reason: PauseReason;
  since: Date | null;
  error: { code: number; title: string } | null;
}

export interface QueueCounts {
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
}

/** The queues' shared switches, in Redis: whatever one replica does here, every replica obeys. */
export interface SendingControl {
  /** No outbound job starts, on any replica, for `ms`. */
  slowDown(ms: number): Promise<void>;
  /** Pauses the outbound and media queues and records why; true for the call that paused them. */
  pause(record: PauseRecord): Promise<boolean>;
  resume(): Promise<void>;
  /** undefined while sending runs. */
  pauseState(): Promise<PauseRecord | undefined>;
  counts(): Promise<{ outbound: QueueCounts; media: QueueCounts }>;
  /** One replica probes per interval: true for the one that got this round. */
  claimProbe(ttlMs: number): Promise<boolean>;
}

export interface DeadLetterQueue {
  page(offset: number, limit: number): Promise<{ jobs: FailedJob[]; total: number }>;
  /** The job's BullMQ state ('failed', 'waiting', 'delayed', 'active', 'completed', ...), or undefined. */
  stateOf(jobId: string): Promise<string | undefined>;
  /** Moves the failed job back to waiting; false when it was no longer in the failed set. */
  requeue(jobId: string): Promise<boolean>;
}

export interface SendMetrics {
  /** `code`: the error's code (Meta's, else the HTTP status, 0 without an answer) when the attempt got one. */
  attemptSettled(outcome: 'accepted' | 'failed' | 'retrying' | 'throttled' | 'paused', errorClass?: SendErrorClass, code?: number): void;
  paused(reason: PauseReason): void;
  mediaSettled(outcome: 'downloaded' | 'failed' | 'retrying' | 'paused', reason?: string): void;
}

/** What the queue adapter does with the job. */
export type SendDecision =
  | { kind: 'completed'; result: unknown }
  /** Run the job again after `delayMs`. */
  | { kind: 'retry'; delayMs: number; reason: string }
  /** Back to the head of the waiting list at once, attempt not spent: the queue is paused or slowed down. */
  | { kind: 'requeue'; reason: string }
  /** Never run it again; its failed outcome is already published (when it could be). */
  | { kind: 'failed'; reason: string };

export interface SendMessageDeps {
  cloudApi: CloudApi;
  store: SendStateStore;
  publisher: DeliveryPublisher;
  control: SendingControl;
  metrics: SendMetrics;
  policy: RetryPolicy;
  now: () => Date;
  random: () => number;
}

export interface DownloadMediaDeps {
  mediaApi: MediaApi;
  mediaStore: MediaStore;
  attempts: MediaAttempts;
  publisher: DeliveryPublisher;
  control: SendingControl;
  metrics: SendMetrics;
  policy: { maxAttempts: number; backoffBaseMs: number; maxBytes: number };
  now: () => Date;
  random: () => number;
}

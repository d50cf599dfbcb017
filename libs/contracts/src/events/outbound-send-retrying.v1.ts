import { z } from 'zod';
import { eventSchema } from './envelope';

/** The error classes whatsapp-sender retries, each its own way: why a message is late. */
const RETRY_REASONS = ['pair_rate_limit', 'throughput', 'temporary'] as const;
export const retryReasonSchema = z.enum(RETRY_REASONS);
export type RetryReason = z.infer<typeof retryReasonSchema>;

export function isRetryReason(value: string): value is RetryReason {
  return (RETRY_REASONS as readonly string[]).includes(value);
}

/**
 * An interim note, on topology(ns).sendRetryingSubject: an attempt at an outbound message failed with
 * an error that is retried, and the next attempt is due at `nextAttemptAt`. Not an outcome: the message
 * stays queued (and the student's next message waits) until its send result, which alone is final. The
 * engine applies a note only while the message is still queued, so a note arriving after the result changes
 * nothing. At most one per failed attempt, none on the happy path; a note that could not be published is
 * simply missing (the retry goes on). id = sendRetryingEventIdFor(messageId, retry, attempt).
 */
export const outboundSendRetryingV1 = eventSchema(
  'whatsapp.outbound.send.retrying',
  1,
  z.object({
    messageId: z.uuid(),
    /** The attempt that failed, 1-based within its round (the first send, or an admin retry). */
    attempt: z.number().int().min(1),
    reason: retryReasonSchema,
    /** Meta's code, else the HTTP status, else 0 (timeout, network), as in a send result's error. */
    code: z.number().int(),
    title: z.string().max(1024),
    nextAttemptAt: z.iso.datetime(),
  }),
);
export type OutboundSendRetryingV1 = z.infer<typeof outboundSendRetryingV1>;

/** One id per attempt of a round (`retry` = admin retries so far): a republished note is stored once. */
export function sendRetryingEventIdFor(messageId: string, retry: number, attempt: number): string {
  return retry === 0 ? `${messageId}:retrying:${attempt}` : `${messageId}:retrying:${attempt}:${retry}`;
}

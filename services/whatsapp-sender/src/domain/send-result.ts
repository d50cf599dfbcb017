import {
  sendResultEventIdFor,
  sendRetryingEventIdFor,
  type OutboundReadResultV1,
  type OutboundSendResultV1,
  type OutboundSendRetryingV1,
  type RetryReason,
} from '@app/contracts';

export type SendResult = OutboundSendResultV1['data'];
export type ReadResult = OutboundReadResultV1['data'];

/** `retry` = admin retries of the message so far: each retry's outcome is a new event with its own id. */
export function sendResultEvent(result: SendResult, correlationId: string, now: Date, retry = 0): OutboundSendResultV1 {
  return {
    id: sendResultEventIdFor(result.messageId, retry),
    type: 'whatsapp.outbound.send.result',
    version: 1,
    occurredAt: now.toISOString(),
    correlationId,
    data: result,
  };
}

export function readResultEvent(result: ReadResult, correlationId: string, now: Date, retry = 0): OutboundReadResultV1 {
  return {
    id: sendResultEventIdFor(result.requestId, retry),
    type: 'whatsapp.outbound.read.result',
    version: 1,
    occurredAt: now.toISOString(),
    correlationId,
    data: result,
  };
}

/** A failed attempt that will be retried after `delayMs`, as the sender saw it. */
export interface RetryNotice {
  attempt: number;
  reason: RetryReason;
  code: number;
  title: string;
  delayMs: number;
}

/** The next attempt is due `delayMs` after `now`, the note's own time: one clock for both. */
export function sendRetryingEvent(
  messageId: string,
  notice: RetryNotice,
  correlationId: string,
  now: Date,
  retry = 0,
): OutboundSendRetryingV1 {
  return {
    id: sendRetryingEventIdFor(messageId, retry, notice.attempt),
    type: 'whatsapp.outbound.send.retrying',
    version: 1,
    occurredAt: now.toISOString(),
    correlationId,
    data: {
      messageId,
      attempt: notice.attempt,
      reason: notice.reason,
      code: notice.code,
      title: notice.title,
      nextAttemptAt: new Date(now.getTime() + notice.delayMs).toISOString(),
    },
  };
}

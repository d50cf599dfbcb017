import { sendResultEventIdFor, type OutboundReadResultV1, type OutboundSendResultV1 } from '@app/contracts';

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

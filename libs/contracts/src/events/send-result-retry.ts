import { sendResultEventId } from './outbound-send-result.v1';

/*
 * An admin may retry a message that failed for good (sender RPC dead-letters.retry). The retry sends it
 * again and publishes its new outcome as a new outbound-send-result.v1 event (same schema) whose id names
 * the retry, so that JetStream's duplicate window and the consumer's dedupe never drop it as a repeat of the
 * first result. The consumer must accept, for a retried message, `failed` followed by `accepted` (and a
 * newer `failed`): the highest retry number wins; a lower one arriving late is stale.
 */

/** id of the result of a message's `retry`-th admin retry; retry 0 is the first send. */
export function sendResultEventIdFor(messageId: string, retry: number): string {
  return retry === 0 ? sendResultEventId(messageId) : `${messageId}:result:${retry}`;
}

/** Which retry a send or read result event reports: 0 for the first send. */
export function sendResultRetryOf(eventId: string): number {
  const match = /:result:(\d+)$/.exec(eventId);
  return match ? Number(match[1]) : 0;
}

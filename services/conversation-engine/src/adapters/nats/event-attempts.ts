import type { JsMsg } from '@app/messaging';
import { retryDelayMs } from '../../domain/sanitize';

export interface RetryPolicy {
  /** Tries of one event before it is parked. */
  maxAttempts: number;
  /** Delay before the second try; it doubles each time, up to capMs. */
  baseMs: number;
  /** Below the consumer's ack wait: a held message is kept alive (working) only before each delay. */
  capMs: number;
}

/** The most messages counted at once; the oldest counts go first beyond it (a failing one is counted again). */
const MAX_TRACKED = 10_000;

/**
 * Failed tries per stream message. A held message (`retry`) stays in our hands, so JetStream's deliveryCount
 * does not move; a redelivery (restart, lost lease) brings a count of its own: the larger one is the truth.
 */
export function eventAttempts(policy: RetryPolicy) {
  const counts = new Map<number, number>();
  return {
    /** Counts one more failure of the message: how many so far, whether to give up, and the delay if not. */
    failed(msg: Pick<JsMsg, 'seq' | 'info'>): { attempts: number; exhausted: boolean; delayMs: number } {
      const attempts = Math.max((counts.get(msg.seq) ?? 0) + 1, msg.info?.deliveryCount ?? 1);
      counts.delete(msg.seq);
      counts.set(msg.seq, attempts);
      if (counts.size > MAX_TRACKED) counts.delete(counts.keys().next().value!);
      return { attempts, exhausted: attempts >= policy.maxAttempts, delayMs: retryDelayMs(attempts, policy.baseMs, policy.capMs) };
    },
    /** The message is settled (acked, parked, terminated): its count goes. */
    settled(seq: number | undefined): void {
      if (seq !== undefined) counts.delete(seq);
    },
  };
}

/** An error as one line for a parked event (its class and message, never a payload). */
export const errorText = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0]!;

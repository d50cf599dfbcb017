import { META_MIN_RETRY_DELAY_MS, type ClassifiedSendError } from './send-error';

/** The longest wait between two attempts of a temporary or throughput error. */
export const MAX_BACKOFF_MS = 5 * 60_000;
/** The longest wait before writing to a recipient again after a pair rate limit (131056). */
export const MAX_PAIR_BACKOFF_MS = 15 * 60_000;
/** Share of a delay that is random: a delay is drawn in [ceiling x (1 - JITTER), ceiling]. */
export const JITTER = 0.5;

export interface RetryPolicy {
  /** Counted Cloud API attempts per message; the attempt that reaches it reports its error as final. */
  maxAttempts: number;
  /** Temporary and throughput errors: base, 2 x base, 4 x base, ... */
  backoffBaseMs: number;
  /** Pair rate limit: base, 4 x base, 16 x base, ... (Meta: about one message per 6 s to one recipient). */
  pairBackoffBaseMs: number;
}

/**
 * "Equal jitter": half the delay is fixed, half random. Replicas that failed together (an outage, a burst
 * refused at once) do not come back together, and no delay falls under half its ceiling.
 */
export function withJitter(ceilingMs: number, random: () => number): number {
  return Math.round(ceilingMs * (1 - JITTER * random()));
}

/** The ceiling of the wait after attempt `attempt` (1-based) failed: base x 2^(attempt-1), capped. */
export function backoffCeilingMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
}

/** base x 4^(attempt-1), capped: Meta's advice for 131056 is to back off roughly 4^n seconds. */
export function pairBackoffCeilingMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 4 ** Math.max(0, attempt - 1), MAX_PAIR_BACKOFF_MS);
}

export function backoffDelayMs(attempt: number, baseMs: number, random: () => number): number {
  return withJitter(backoffCeilingMs(attempt, baseMs), random);
}

/** What to do after a failed attempt, by the error's class (../shared/WHATSAPP.md). */
export type RetryDecision =
  /** This job only, after the delay: the recipient's other messages do not exist yet (one in flight each). */
  | { kind: 'retry'; delayMs: number }
  /** The whole queue waits `delayMs` (every replica), then this job is first again. */
  | { kind: 'throttle'; delayMs: number }
  /** Stop sending everywhere until the token works again; this attempt does not count. */
  | { kind: 'pause' }
  | { kind: 'fail' };

export function decideRetry(error: ClassifiedSendError, attempt: number, policy: RetryPolicy, random: () => number): RetryDecision {
  if (error.class === 'token_invalid') return { kind: 'pause' };
  if (!error.retryable || attempt >= policy.maxAttempts) return { kind: 'fail' };
  switch (error.class) {
    case 'throughput':
      return { kind: 'throttle', delayMs: backoffDelayMs(attempt, policy.backoffBaseMs, random) };
    case 'pair_rate_limit':
      return { kind: 'retry', delayMs: withJitter(pairBackoffCeilingMs(attempt, policy.pairBackoffBaseMs), random) };
    default: {
      const floor = META_MIN_RETRY_DELAY_MS[error.code] ?? 0;
      return { kind: 'retry', delayMs: Math.max(floor, backoffDelayMs(attempt, policy.backoffBaseMs, random)) };
    }
  }
}

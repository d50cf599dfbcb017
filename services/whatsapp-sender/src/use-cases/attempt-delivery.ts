import { isRetryReason, type SendError } from '@app/contracts';
import type { Logger } from '@app/logging';
import { decideRetry } from '../domain/retry-policy';
import { classifySendError } from '../domain/send-error';
import type { RetryNotice } from '../domain/send-result';
import { nextAttempt } from '../domain/send-state';
import { pauseSending } from './pause-sending';
import type { CloudApiOutcome, SendDecision, SendMessageDeps } from './ports';

export type Settled = { outcome: 'accepted'; wamid: string } | { outcome: 'failed'; error: SendError };

/** One Cloud API request that must happen at most once per outcome: a send, or a mark-as-read. */
export interface Delivery<R> {
  /** The send-state key: the message id, or the mark-read request id. */
  id: string;
  call(): Promise<CloudApiOutcome>;
  /** The outcome as published (and kept as the job's return value). */
  result(settled: Settled, attempts: number): R;
  /** Publishes the final outcome; `retry` = admin retries so far (it names the event). */
  publish(result: R, retry: number): Promise<void>;
  /** Publishes an interim note that this attempt failed and will be retried (sends only: admins see it). */
  retrying?(notice: RetryNotice, retry: number): Promise<void>;
}

/**
 * Best effort: the retry is decided and its state recorded before the note goes out, so a note that cannot
 * be published costs only the note. Throwing here would run the job again at once and call the Cloud API
 * sooner than the backoff allows.
 */
async function announceRetry<R>(
  delivery: Delivery<R>,
  failed: { attempt: number; error: SendError; delayMs: number },
  retry: number,
  log: Logger,
): Promise<void> {
  const { attempt, error, delayMs } = failed;
  if (!delivery.retrying || !isRetryReason(error.class)) return;
  try {
    await delivery.retrying({ attempt, reason: error.class, code: error.code, title: error.title, delayMs }, retry);
  } catch (publishError) {
    log.warn({ err: publishError, attempt, errorCode: error.code }, 'retrying note not published; the retry goes on without it');
  }
}

/**
 * One attempt at a delivery. The Cloud API has no idempotency key, so "nothing doubled" rests on the send
 * state kept per id:
 * - an outcome already recorded (a wamid, or a final error) is republished and the API is not called;
 * - otherwise the attempt is marked in flight before the HTTP call and its outcome recorded right after.
 * Remaining window (README, "Delivery guarantees (sender)"): Meta accepted the message but this process
 * died, or Redis refused the write, before the wamid was recorded; the next attempt finds "in flight" and
 * sends again. At-least-once there: a rare duplicate beats a message silently lost.
 *
 * No outcome is published until it is final: a retried, throttled or paused job has no outcome yet, which
 * is what lets the producer hold a student's next message until this one is settled. A retried or throttled
 * attempt publishes one interim note instead (why, and when the next attempt is due), which the engine
 * shows on the still-queued message; the happy path publishes the result alone.
 */
export async function attemptDelivery<R>(deps: SendMessageDeps, delivery: Delivery<R>, log: Logger): Promise<SendDecision> {
  // Marks the attempt in flight unless an outcome is recorded: one Redis round trip before the HTTP call.
  const state = await deps.store.claimAttempt(delivery.id);
  const retry = state?.retry ?? 0;
  if (state?.status === 'accepted') {
    const result = delivery.result({ outcome: 'accepted', wamid: state.wamid }, state.attempts);
    await delivery.publish(result, retry);
    log.info({ wamid: state.wamid }, 'already accepted; outcome republished without calling the cloud api');
    return { kind: 'completed', result };
  }
  if (state?.status === 'failed') {
    await delivery.publish(delivery.result({ outcome: 'failed', error: state.error }, state.attempts), retry);
    log.info({ errorCode: state.error.code }, 'already failed; outcome republished without calling the cloud api');
    return { kind: 'failed', reason: `already failed with ${state.error.code}` };
  }
  if (state?.status === 'in_flight') {
    // A crash, a timeout or a lost connection: Meta may or may not have the message.
    log.warn({ previousAttempt: state.attempts }, 'previous attempt ended with no known outcome; calling again');
  }

  const attempt = nextAttempt(state);
  const outcome = await delivery.call();

  if (outcome.ok) {
    await deps.store.recordAccepted(delivery.id, outcome.wamid, attempt);
    deps.metrics.attemptSettled('accepted');
    // If this publish fails the job runs again, finds the wamid, and republishes: it never resends.
    const result = delivery.result({ outcome: 'accepted', wamid: outcome.wamid }, attempt);
    await delivery.publish(result, retry);
    log.info({ wamid: outcome.wamid, attempt }, 'accepted by the cloud api');
    return { kind: 'completed', result };
  }

  const classified = classifySendError(outcome.failure);
  const { retryable: _, ...error } = classified;
  const decision = decideRetry(classified, attempt, deps.policy, deps.random);
  const fields = { errorCode: error.code, errorClass: error.class, title: error.title, attempt };
  // An error answer means Meta sent nothing; a timeout or a network error leaves the outcome unknown, and
  // the state "in flight" says so to the next attempt.
  const refused = outcome.failure.kind === 'http';
  switch (decision.kind) {
    case 'pause':
      // The token, not this message, failed: the attempt is given back.
      await deps.store.recordRefused(delivery.id, error, attempt - 1);
      deps.metrics.attemptSettled('paused', error.class, error.code);
      await pauseSending(deps, { error, log });
      return { kind: 'requeue', reason: 'sending paused: access token refused' };
    case 'throttle':
      if (refused) await deps.store.recordRefused(delivery.id, error, attempt);
      await deps.control.slowDown(decision.delayMs);
      deps.metrics.attemptSettled('throttled', error.class, error.code);
      log.warn({ ...fields, delayMs: decision.delayMs }, 'throughput limit; the whole queue waits, then this job goes first');
      await announceRetry(delivery, { attempt, error, delayMs: decision.delayMs }, retry, log);
      return { kind: 'requeue', reason: `throttled ${error.code}` };
    case 'retry':
      if (refused) await deps.store.recordRefused(delivery.id, error, attempt);
      deps.metrics.attemptSettled('retrying', error.class, error.code);
      log.warn({ ...fields, delayMs: decision.delayMs }, 'attempt failed; will retry');
      await announceRetry(delivery, { attempt, error, delayMs: decision.delayMs }, retry, log);
      return { kind: 'retry', delayMs: decision.delayMs, reason: `${error.class} ${error.code}` };
    case 'fail':
      await deps.store.recordFailed(delivery.id, error, attempt);
      deps.metrics.attemptSettled('failed', error.class, error.code);
      await delivery.publish(delivery.result({ outcome: 'failed', error }, attempt), retry);
      log.error(fields, 'failed for good');
      return { kind: 'failed', reason: `${error.class} ${error.code}: ${error.title}` };
  }
}

import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { SendDecision } from '../../use-cases/ports';

/**
 * Carries a use case's decision out on the job. The retry policy lives in the use cases alone: a retry
 * moves the job to the delayed set itself (moveToDelayed + DelayedError) instead of throwing into BullMQ's
 * retry, which only retries when the *producer* set `attempts` and would otherwise fail the job silently.
 * A requeue (queue paused or slowed down) puts the job back at the head of the waiting list through
 * BullMQ's RateLimitError, which consumes none of its attempts.
 */
export async function applyDecision(job: Job, token: string | undefined, decision: SendDecision): Promise<unknown> {
  switch (decision.kind) {
    case 'completed':
      return decision.result;
    case 'retry':
      await job.moveToDelayed(Date.now() + decision.delayMs, token);
      throw new DelayedError(decision.reason);
    case 'requeue':
      throw Worker.RateLimitError();
    case 'failed':
      throw new UnrecoverableError(decision.reason);
  }
}

/** What BullMQ records when it gives a job up because its workers kept dying (maxStalledCount). */
export function abandonedReason(job: Job | undefined): string | undefined {
  return job?.deferredFailure || undefined;
}

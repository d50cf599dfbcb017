import type { Queue } from 'bullmq';
import type { DeadLetterQueue } from '../../use-cases/ports';

/** BullMQ's failed set of the outbound queue (jobs kept 7 days by removeOnFail), newest first. */
export function createDeadLetterQueue(queue: Queue): DeadLetterQueue {
  return {
    async page(offset, limit) {
      const [jobs, total] = await Promise.all([queue.getJobs(['failed'], offset, offset + limit - 1, false), queue.getFailedCount()]);
      return {
        jobs: jobs
          .filter((job) => job?.id !== undefined)
          .map((job) => ({
            id: job.id!,
            name: job.name,
            data: job.data as unknown,
            failedReason: job.failedReason,
            finishedOn: job.finishedOn,
          })),
        total,
      };
    },
    async stateOf(jobId) {
      const state = await queue.getJobState(jobId);
      return state === 'unknown' ? undefined : state;
    },
    async requeue(jobId) {
      const job = await queue.getJob(jobId);
      if (!job) return false;
      try {
        // Atomic in Redis: only a job still in the failed set moves, so two concurrent retries send once.
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        return true;
      } catch {
        return false;
      }
    },
  };
}

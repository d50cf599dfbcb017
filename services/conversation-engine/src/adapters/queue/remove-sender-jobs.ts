import type { Queue } from 'bullmq';
import type { Logger } from '@app/logging';

const CHUNK = 50;

/** One pass over the queues: each job id removed where it is (waiting, delayed, completed, failed). */
async function removeOnce(queues: readonly Queue[], jobIds: readonly string[]): Promise<{ removed: number; inFlight: number }> {
  let removed = 0;
  let inFlight = 0;
  for (let i = 0; i < jobIds.length; i += CHUNK) {
    await Promise.all(
      jobIds.slice(i, i + CHUNK).flatMap((id) =>
        queues.map(async (queue) => {
          if ((await queue.remove(id)) === 1) removed += 1;
          // remove() refuses a job a worker holds the lock of: it is being sent now.
          else if (await queue.getJob(id)) inFlight += 1;
        }),
      ),
    );
  }
  return { removed, inFlight };
}

/**
 * Removes an erased student's jobs from the sender's queues, with their data (phone, text): a job not yet sent
 * never is, and the finished ones the queue keeps (completed an hour, failed a week) go too. A second pass a
 * little later catches a job queued by a relay that had read its outbox row just before the erasure committed
 * (the row is gone, the job id is known). Never throws: Redis failing is logged, and the jobs age out.
 */
export function senderJobRemover(queues: readonly Queue[], log: Logger, opts: { secondPassAfterMs: number }) {
  return async (jobIds: readonly string[]): Promise<{ removed: number; inFlight: number }> => {
    if (jobIds.length === 0) return { removed: 0, inFlight: 0 };
    const ids = [...jobIds];
    const second = setTimeout(() => {
      removeOnce(queues, ids).then(
        (result) => log.info({ jobs: ids.length, ...result }, 'erased student jobs checked again'),
        (error: unknown) => log.error({ err: error }, 'erased student jobs not checked again'),
      );
    }, opts.secondPassAfterMs);
    second.unref();
    try {
      return await removeOnce(queues, ids);
    } catch (error) {
      log.error({ err: error, jobs: ids.length }, 'erased student jobs not removed');
      return { removed: 0, inFlight: 0 };
    }
  };
}

import type { MarkReadJob } from '@app/contracts';
import type { Logger } from '@app/logging';
import { buildReadBody } from '../domain/read-body';
import { readResultEvent, type ReadResult } from '../domain/send-result';
import { attemptDelivery, type Settled } from './attempt-delivery';
import type { SendDecision, SendMessageDeps } from './ports';

const toResult = (job: MarkReadJob, settled: Settled, attempts: number): ReadResult =>
  settled.outcome === 'accepted'
    ? { outcome: 'accepted', requestId: job.requestId, wamid: job.wamid, attempts }
    : { outcome: 'failed', requestId: job.requestId, wamid: job.wamid, error: settled.error, attempts };

/**
 * Marks a student's message read (and shows the typing indicator when asked), under the same error
 * handling as a send: it shares the number's limits and token. Meta answers `{success: true}` without an id,
 * so the recorded "wamid" is the message that was marked.
 */
export function markRead(deps: SendMessageDeps, input: { job: MarkReadJob; log: Logger }): Promise<SendDecision> {
  const { job, log } = input;
  return attemptDelivery(
    deps,
    {
      id: job.requestId,
      call: async () => {
        const outcome = await deps.cloudApi.markRead(buildReadBody(job));
        return outcome.ok ? { ok: true, wamid: job.wamid } : outcome;
      },
      result: (settled, attempts) => toResult(job, settled, attempts),
      publish: (result, retry) => deps.publisher.readResult(readResultEvent(result, job.correlationId, deps.now(), retry)),
    },
    log,
  );
}

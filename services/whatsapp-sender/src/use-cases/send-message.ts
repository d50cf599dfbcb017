import type { SendMessageJob } from '@app/contracts';
import type { Logger } from '@app/logging';
import { addresseeOf } from '../domain/addressee';
import { buildMessageBody } from '../domain/message-body';
import { sendResultEvent, sendRetryingEvent, type SendResult } from '../domain/send-result';
import { attemptDelivery, type Settled } from './attempt-delivery';
import type { SendDecision, SendMessageDeps } from './ports';

const toResult = (messageId: string, settled: Settled, attempts: number): SendResult =>
  settled.outcome === 'accepted'
    ? { outcome: 'accepted', messageId, wamid: settled.wamid, attempts }
    : { outcome: 'failed', messageId, error: settled.error, attempts };

/**
 * One attempt at delivering one outbound message; its final outcome becomes a send result event, and an
 * attempt that will be retried a retrying note (so admins see why the message is late).
 */
export function sendMessage(deps: SendMessageDeps, input: { job: SendMessageJob; log: Logger }): Promise<SendDecision> {
  const { job, log } = input;
  return attemptDelivery(
    deps,
    {
      id: job.messageId,
      call: async () => {
        const outcome = await deps.cloudApi.send(buildMessageBody(addresseeOf(job), job.messageId, job.message));
        // The id Meta resolved the recipient to: an identifier of the student, so debug only.
        if (outcome.ok && outcome.userId !== undefined)
          log.debug({ recipientUserId: outcome.userId, byPhone: job.to !== undefined }, 'recipient resolved by the cloud api');
        return outcome;
      },
      result: (settled, attempts) => toResult(job.messageId, settled, attempts),
      publish: (result, retry) => deps.publisher.sendResult(sendResultEvent(result, job.correlationId, deps.now(), retry)),
      retrying: (notice, retry) =>
        deps.publisher.sendRetrying(sendRetryingEvent(job.messageId, notice, job.correlationId, deps.now(), retry)),
    },
    log,
  );
}

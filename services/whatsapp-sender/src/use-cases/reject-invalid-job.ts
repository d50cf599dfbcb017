import type { SendError } from '@app/contracts';
import type { Logger } from '@app/logging';
import { readResultEvent, sendResultEvent } from '../domain/send-result';
import type { SendDecision, SendMessageDeps } from './ports';

export interface InvalidJob {
  kind: 'send' | 'read';
  /** The message id (send) or request id (read), when it could be read from the job. */
  id: string | undefined;
  correlationId: string | undefined;
  /** For a read: the message it meant to mark, when readable. */
  wamid?: string | undefined;
  reason: string;
}

/**
 * An outbound job whose data does not parse is never sent. When it still names its id, a failed outcome is
 * published (0 attempts, class invalid_payload) so that the producer marks it failed and moves on to the
 * student's next message instead of waiting forever.
 */
export async function rejectInvalidJob(
  deps: Pick<SendMessageDeps, 'publisher' | 'metrics' | 'now'>,
  input: InvalidJob & { log: Logger },
): Promise<SendDecision> {
  const { id, reason, log } = input;
  deps.metrics.attemptSettled('failed', 'invalid_payload');
  if (id === undefined) {
    log.error({ reason }, 'invalid outbound job without an id; dropped');
    return { kind: 'failed', reason: `invalid job data: ${reason}` };
  }
  const title = `invalid job data: ${reason}`.slice(0, 1024);
  const error: SendError = { code: 0, title, class: 'invalid_payload' };
  const correlationId = input.correlationId ?? id;
  if (input.kind === 'send') {
    await deps.publisher.sendResult(sendResultEvent({ outcome: 'failed', messageId: id, error, attempts: 0 }, correlationId, deps.now()));
  } else {
    const wamid = input.wamid ?? '(unreadable)';
    await deps.publisher.readResult(
      readResultEvent({ outcome: 'failed', requestId: id, wamid, error, attempts: 0 }, correlationId, deps.now()),
    );
  }
  log.error({ reason }, 'invalid outbound job; failed outcome published');
  return { kind: 'failed', reason: title };
}

import type { Logger } from '@app/logging';
import { ok, refuse, type RpcResult } from './rpc-result';
import type { DeadLetterQueue, SendStateStore } from './ports';

const PENDING = new Set(['waiting', 'wait', 'delayed', 'active', 'prioritized', 'paused', 'waiting-children']);

/**
 * Sends a failed message again, once. The final failure recorded in the send state is cleared first (else
 * the job would only republish it), then the job moves from the failed set back to waiting. Moving it is
 * atomic in Redis, so of two admins retrying at once one wins and the other is told a retry is pending; a
 * retry asked while the previous one is still queued or running is refused the same way. The new outcome is
 * published with the retry's number in its event id.
 */
export async function retryDeadLetter(
  deps: { deadLetters: DeadLetterQueue; store: SendStateStore },
  input: { messageId: string; actor: string; log: Logger },
): Promise<RpcResult<{ message_id: string; retry: number }>> {
  const { messageId, log } = input;
  const state = await deps.deadLetters.stateOf(messageId);
  if (state === undefined) return refuse('not_found', `no dead letter ${messageId}`);
  if (PENDING.has(state)) return refuse('retry_pending', `${messageId} is already queued or being sent`);
  if (state !== 'failed') return refuse('not_failed', `${messageId} is ${state}, not failed`);

  const retry = await deps.store.requeueFailed(messageId);
  if (retry === 'not_failed') return refuse('not_failed', `${messageId} was accepted by the cloud api; it is not sent again`);
  if (!(await deps.deadLetters.requeue(messageId))) return refuse('retry_pending', `${messageId} is already queued or being sent`);
  log.info({ messageId, retry, actor: input.actor }, 'dead letter queued again by an admin');
  return ok({ message_id: messageId, retry });
}

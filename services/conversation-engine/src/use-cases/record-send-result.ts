import type { Transaction } from 'kysely';
import { sendResultRetryOf, type OutboundSendResultV1 } from '@app/contracts';
import type { EngineDatabase } from '../adapters/db/database';
import { claimInboundEvent } from '../adapters/db/inbound-dedupe.repository';
import { findMessageForUpdate, setMessageDelivery } from '../adapters/db/messages.repository';
import { markCompleted } from '../adapters/db/outbox.repository';
import { lockWamid, takePendingStatuses } from '../adapters/db/pending-statuses.repository';
import { settleSendResult, type SendVerdict } from '../domain/send-result';
import { closeWindowIfRefused } from './close-service-window';

export type RecordSendResultOutcome = 'duplicate' | 'recorded' | 'stale' | 'unknown_message';

/** The outcome, and what changed for admins: the message's status, the conversation's window. */
export interface RecordSendResult {
  outcome: RecordSendResultOutcome;
  statusChanged: boolean;
  /** The conversation, when a 131047 closed its window. */
  windowClosed?: string;
  /** The message's outbox row completed now: the student's next message may go. */
  released: boolean;
}

/**
 * The sender's verdict on one outbound message: accepted by Meta (we learn its wamid; status becomes sent,
 * then any status that raced ahead of us is applied) or finally failed. Either way the outbox row is done,
 * which lets the next message to the same student go. Each result event is applied once (its id is the
 * dedupe key); an admin retry's result carries the retry number in its id, and the highest round wins
 * (domain/send-result.ts). A failure with 131047 closes the conversation's window.
 */
export async function recordSendResult(trx: Transaction<EngineDatabase>, now: Date, event: OutboundSendResultV1): Promise<RecordSendResult> {
  const result = event.data;
  const unchanged = (outcome: RecordSendResultOutcome): RecordSendResult => ({ outcome, statusChanged: false, released: false });
  if (!(await claimInboundEvent(trx, event.id))) return unchanged('duplicate');
  if (result.outcome === 'accepted') await lockWamid(trx, result.wamid);
  const message = await findMessageForUpdate(trx, result.messageId);
  if (!message) return unchanged('unknown_message');
  const released = await markCompleted(trx, { messageId: message.id, kind: 'send' }, now);

  const verdict: SendVerdict =
    result.outcome === 'accepted'
      ? { outcome: 'accepted', pending: (await takePendingStatuses(trx, result.wamid)).map((p) => ({ status: p.status, error: p.error })) }
      : { outcome: 'failed', error: { code: result.error.code, title: result.error.title } };
  const settled = settleSendResult({ status: message.status, sendRetry: message.send_retry }, sendResultRetryOf(event.id), verdict);
  if (settled.kind === 'stale') return { ...unchanged('stale'), released };

  await setMessageDelivery(trx, message.id, {
    status: settled.status,
    ...(result.outcome === 'accepted' ? { wamid: result.wamid } : {}),
    ...(settled.error !== undefined ? { error: settled.error } : {}),
    sendRetry: settled.sendRetry,
  });
  // The failure may be the sender's, or a failed status webhook that raced ahead of an acceptance.
  const failedWith = settled.status === 'failed' && settled.error ? settled.error.code : undefined;
  const closed = await closeWindowIfRefused(trx, { conversationId: message.conversation_id, errorCode: failedWith, messageWrittenAt: message.created_at, now });
  return {
    outcome: 'recorded',
    statusChanged: settled.status !== message.status || settled.sendRetry !== message.send_retry,
    released,
    ...(closed ? { windowClosed: message.conversation_id } : {}),
  };
}

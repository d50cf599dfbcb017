import type { Transaction } from 'kysely';
import type { OutboundSendRetryingV1 } from '@app/contracts';
import type { EngineDatabase } from '../../db/database';
import { noteSendRetry } from '../../db/repositories/delivery-batch.repository';
import { noChanges, type Committed } from '../shared/changes';

/** A noted retry changes the message as admins see it (its note): message.status. */
export type RecordSendRetrying = Committed<'noted' | 'ignored'>;

/**
 * The sender's note that an attempt at an outbound message failed and will be retried: kept on the message
 * (why it is late, when the next attempt is due) for admins, only while it is still queued, the latest
 * attempt's note winning. It is not a status and moves none: a note arriving after the send result, a
 * repeat or an older attempt's note changes nothing, so it needs no dedupe row of its own.
 */
export async function recordSendRetrying(trx: Transaction<EngineDatabase>, event: OutboundSendRetryingV1): Promise<RecordSendRetrying> {
  const { messageId, reason, code, attempt, nextAttemptAt } = event.data;
  const noted = await noteSendRetry(trx, { messageId, reason, code, attempt, nextAttemptAt: new Date(nextAttemptAt) });
  return { outcome: noted ? 'noted' : 'ignored', changes: { ...noChanges(), messagesStatus: noted ? [messageId] : [] } };
}

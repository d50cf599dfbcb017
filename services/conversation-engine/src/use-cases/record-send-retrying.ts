import type { Transaction } from 'kysely';
import type { OutboundSendRetryingV1 } from '@app/contracts';
import type { EngineDatabase } from '../adapters/db/database';
import { noteSendRetry } from '../adapters/db/delivery-batch.repository';

export type RecordSendRetrying = { outcome: 'noted' | 'ignored' };

/**
 * The sender's note that an attempt at an outbound message failed and will be retried: kept on the message
 * (why it is late, when the next attempt is due) for admins, only while it is still queued, the latest
 * attempt's note winning. It is not a status and moves none: a note arriving after the send result, a
 * repeat or an older attempt's note changes nothing, so it needs no dedupe row of its own.
 */
export async function recordSendRetrying(trx: Transaction<EngineDatabase>, event: OutboundSendRetryingV1): Promise<RecordSendRetrying> {
  const { messageId, reason, code, attempt, nextAttemptAt } = event.data;
  const noted = await noteSendRetry(trx, { messageId, reason, code, attempt, nextAttemptAt: new Date(nextAttemptAt) });
  return { outcome: noted ? 'noted' : 'ignored' };
}

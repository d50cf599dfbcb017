import type { Transaction } from 'kysely';
import type { OutboundReadResultV1 } from '@app/contracts';
import type { EngineDatabase } from '../../db/database';
import { claimInboundEvent } from '../../db/repositories/inbound-dedupe.repository';
import { completeOutboxRows, findOutboxRow } from '../../db/repositories/outbox.repository';
import { noChanges, type Committed } from '../shared/changes';

/** When the row completed now, the student's next message may go: the relay has work. */
export type RecordReadResult = Committed<'duplicate' | 'recorded' | 'unknown_request' | 'already_settled'>;

const released = (relay: boolean) => ({ ...noChanges(), relay });

/**
 * The sender's verdict on one mark-as-read: accepted or failed for good, either way final, so its outbox row
 * is done and the student's next message may go (it was held back so that the blue ticks and the typing
 * indicator come before the reply). A failure changes nothing else: the student's message stays received,
 * and an admin may retry it from the dead letters (its result then only finds the row completed).
 */
export async function recordReadResult(
  trx: Transaction<EngineDatabase>,
  now: Date,
  event: OutboundReadResultV1,
): Promise<RecordReadResult> {
  if (!(await claimInboundEvent(trx, event.id))) return { outcome: 'duplicate', changes: released(false) };
  const row = await findOutboxRow(trx, event.data.requestId, ['mark_read', 'typing']);
  if (!row) return { outcome: 'unknown_request', changes: released(false) };
  const completed = (await completeOutboxRows(trx, { ids: [row.id] }, now)).length > 0;
  return { outcome: completed ? 'recorded' : 'already_settled', changes: released(completed) };
}

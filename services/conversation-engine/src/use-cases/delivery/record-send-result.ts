import type { Transaction } from 'kysely';
import { sendResultRetryOf, type OutboundSendResultV1 } from '@app/contracts';
import type { EngineDatabase } from '../../db/database';
import { openSendResults, setMessageDeliveries, type DeliveryUpdate } from '../../db/repositories/delivery-batch.repository';
import { setMessagePricing } from '../../db/repositories/messages.repository';
import type { MessagePricing } from '../../domain/pricing';
import { settleSendResult, type DeliveryError, type SendVerdict } from '../../domain/send-result';
import { mergeChanges, noChanges, type Changes, type Committed } from '../shared/changes';
import { closeWindowIfRefused } from '../shared/close-service-window';

type RecordSendResultOutcome = 'duplicate' | 'recorded' | 'stale' | 'unknown_message';

/** The outcome, and what changed for admins: the message's status, the conversation's window. */
export interface RecordSendResult {
  outcome: RecordSendResultOutcome;
  statusChanged: boolean;
  /** The conversation, when a 131047 closed its window. */
  windowClosed?: string;
  /** The message's outbox row completed now: the student's next message may go. */
  released: boolean;
  /** The conversation's next send or mark-read became ready with this batch: the relay has work. */
  nextReady?: boolean;
}

/**
 * The sender's verdicts on outbound messages, many at once inside the caller's transaction: accepted by
 * Meta (we learn the wamid; status becomes sent, then any status that raced ahead of us is applied) or
 * finally failed. Either way the message's outbox row is done, which lets the next message to the same
 * student go. Each result event is applied once (its id is the dedupe key); an admin retry's result carries
 * the retry number in its id, and the highest round wins (domain/send-result.ts), also between results of
 * the same message in one batch, applied in the order given. A failure with 131047 closes the
 * conversation's window. Results are in the order of `events`.
 */
export async function recordSendResults(
  trx: Transaction<EngineDatabase>,
  now: Date,
  events: readonly OutboundSendResultV1[],
): Promise<Committed<RecordSendResult[]>> {
  const opened = await openSendResults(
    trx,
    events.map((e) => ({ eventId: e.id, messageId: e.data.messageId, wamid: e.data.outcome === 'accepted' ? e.data.wamid : null })),
    now,
  );
  const fresh = events.map((e) => opened.claimed.delete(e.id));
  const applied = events.filter((_, i) => fresh[i]);
  const messages = new Map(opened.messages.map((m) => [m.id, { ...m }]));
  const released = opened.released;
  const pending = new Map<string, { status: string; error: DeliveryError | null }[]>();
  const pendingPricing = new Map<string, MessagePricing[]>();
  for (const row of opened.pending) {
    pending.set(row.wamid, [...(pending.get(row.wamid) ?? []), { status: row.status, error: row.error }]);
    const pricing = row.pricing ? { ...row.pricing, pricedAt: new Date(row.pricing.pricedAt) } : null;
    if (pricing) pendingPricing.set(row.wamid, [...(pendingPricing.get(row.wamid) ?? []), pricing]);
  }

  const updates = new Map<string, DeliveryUpdate>();
  const results: RecordSendResult[] = [];
  for (const [i, event] of events.entries()) {
    const result = event.data;
    const unchanged = (outcome: RecordSendResultOutcome, releasedNow = false): RecordSendResult => ({
      outcome,
      statusChanged: false,
      released: releasedNow,
    });
    const message = messages.get(result.messageId);
    if (!fresh[i]) {
      results.push(unchanged('duplicate'));
      continue;
    }
    if (!message) {
      results.push(unchanged('unknown_message'));
      continue;
    }
    // The first result of a message in the batch is the one that completed its row.
    const releasedNow = released.delete(message.id);
    const verdict: SendVerdict =
      result.outcome === 'accepted'
        ? { outcome: 'accepted', pending: pending.get(result.wamid)?.splice(0) ?? [] }
        : { outcome: 'failed', error: { code: result.error.code, title: result.error.title } };
    const settled = settleSendResult({ status: message.status, sendRetry: message.send_retry }, sendResultRetryOf(event.id), verdict);
    if (settled.kind === 'stale') {
      results.push(unchanged('stale', releasedNow));
      continue;
    }
    const before = { status: message.status, sendRetry: message.send_retry };
    message.status = settled.status;
    message.send_retry = settled.sendRetry;
    if (result.outcome === 'accepted') message.wamid = result.wamid;
    if (settled.error !== undefined) message.error = settled.error;
    updates.set(message.id, {
      id: message.id,
      status: message.status,
      wamid: message.wamid,
      error: message.error,
      sendRetry: message.send_retry,
    });
    // The failure may be the sender's, or a failed status webhook that raced ahead of an acceptance.
    const failedWith = settled.status === 'failed' && settled.error ? settled.error.code : undefined;
    const closed =
      failedWith !== undefined &&
      (await closeWindowIfRefused(trx, {
        conversationId: message.conversation_id,
        errorCode: failedWith,
        messageWrittenAt: message.created_at,
        now,
      }));
    results.push({
      outcome: 'recorded',
      statusChanged: settled.status !== before.status || settled.sendRetry !== before.sendRetry,
      released: releasedNow,
      ...(closed ? { windowClosed: message.conversation_id } : {}),
    });
  }
  await setMessageDeliveries(trx, [...updates.values()]);
  results.forEach((result, i) => {
    const message = messages.get(events[i]!.data.messageId);
    if (message && opened.readied.has(message.conversation_id)) result.nextReady = true;
  });
  // The pricing of statuses that raced ahead of the wamid, oldest first (the first one dates the message).
  for (const event of applied) {
    const message = messages.get(event.data.messageId);
    if (event.data.outcome !== 'accepted' || !message) continue;
    const pricings = (pendingPricing.get(event.data.wamid) ?? []).sort((a, b) => a.pricedAt.getTime() - b.pricedAt.getTime());
    for (const pricing of pricings) await setMessagePricing(trx, message.id, pricing);
  }
  return { outcome: results, changes: mergeChanges(...results.map((result, i) => sendResultChanges(events[i]!.data.messageId, result))) };
}

function sendResultChanges(messageId: string, result: RecordSendResult): Changes {
  return {
    ...noChanges(),
    messagesStatus: result.statusChanged ? [messageId] : [],
    conversations: result.windowClosed ? [result.windowClosed] : [],
    // Only when the completion readied the student's next message: most results have nothing behind them.
    relay: result.nextReady === true,
  };
}

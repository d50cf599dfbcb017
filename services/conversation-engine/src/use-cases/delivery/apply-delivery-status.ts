import type { Transaction } from 'kysely';
import type { InboundStatusReceivedV1 } from '@app/contracts';
import type { EngineDatabase } from '../../db/database';
import { findMessageByWamid, setMessageDelivery, setMessagePricing } from '../../db/repositories/messages.repository';
import { keepPendingStatus, lockWamids } from '../../db/repositories/pending-statuses.repository';
import { nextStatus } from '../../domain/message-status';
import { pricingOfStatus } from '../../domain/pricing';
import { noChanges, type Changes } from '../shared/changes';
import { closeWindowIfRefused } from '../shared/close-service-window';

export type ApplyStatusResult =
  { outcome: 'duplicate' } | { outcome: 'applied' | 'unchanged' | 'pending'; messageId?: string; windowClosed?: string };

/** What a status changed for admins: the message's ticks, and the conversation when its window closed. */
export function statusChanges(result: ApplyStatusResult): Changes {
  if (result.outcome === 'duplicate') return noChanges();
  return {
    ...noChanges(),
    messagesStatus: result.outcome === 'applied' && result.messageId ? [result.messageId] : [],
    conversations: result.windowClosed ? [result.windowClosed] : [],
  };
}

/**
 * A status webhook (sent/delivered/read/failed) for one of our messages, inside the caller's transaction (a
 * partition's batch, which claimed its event id). Statuses only move forward; one for a wamid we do not know yet (the send result has
 * not arrived) is kept and applied when it does. Meta often reports a message outside the 24-hour window as
 * accepted, then failed with 131047 here: that closes the conversation's window as a failed send result does.
 * A status's pricing (per-message pricing) is stored on the message, also from a status that moves no tick.
 */
export async function applyDeliveryStatus(
  trx: Transaction<EngineDatabase>,
  now: Date,
  event: InboundStatusReceivedV1,
): Promise<ApplyStatusResult> {
  const { status } = event.data;
  const firstError = status.errors?.[0];
  const error = firstError ? { code: firstError.code, title: firstError.title ?? firstError.message ?? 'unknown error' } : null;
  const pricing = pricingOfStatus(status.pricing, status.timestamp);
  await lockWamids(trx, [status.id]);
  const message = await findMessageByWamid(trx, status.id);
  if (!message) {
    await keepPendingStatus(trx, { wamid: status.id, status: status.status, error, pricing });
    return { outcome: 'pending' };
  }
  // Pricing is kept whatever the status: a "delivered" after "read" changes no tick but may price the message.
  // Written only when it changes: every status of a message usually repeats the same pricing.
  const repriced = pricing !== null && (pricing.type !== message.pricing_type || pricing.category !== message.pricing_category);
  if (repriced) await setMessagePricing(trx, message.id, pricing);
  const next = nextStatus(message.status, status.status);
  if (!next) return repriced ? { outcome: 'applied', messageId: message.id } : { outcome: 'unchanged', messageId: message.id };
  await setMessageDelivery(trx, message.id, { status: next, ...(next === 'failed' ? { error } : {}) });
  const closed =
    next === 'failed' &&
    (await closeWindowIfRefused(trx, {
      conversationId: message.conversation_id,
      errorCode: error?.code,
      messageWrittenAt: message.created_at,
      now,
    }));
  return { outcome: 'applied', messageId: message.id, ...(closed ? { windowClosed: message.conversation_id } : {}) };
}

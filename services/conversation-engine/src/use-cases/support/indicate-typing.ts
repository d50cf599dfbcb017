import { TYPING_INDICATOR_INTERVAL_MS, type Actor, type TypingIndicatorResult } from '@app/contracts';
import { recordTypingIndicated } from '../../db/repositories/conversations.repository';
import { latestInboundMessage } from '../../db/repositories/messages.repository';
import { deleteCompletedTyping } from '../../db/repositories/outbox.repository';
import { EngineCommandError } from '../../domain/engine-error';
import { isServiceWindowOpen, windowOf } from '../../domain/support/service-window';
import { planTypingIndicator } from '../../domain/support/typing-indicator';
import { noChanges, type Committed } from '../shared/changes';
import { queueMarkRead } from './queue-mark-read';
import { lockSupportConversation, openChatOf, type SupportDeps } from '../shared/support-transaction';

/**
 * An admin is typing in an active support chat: the student sees WhatsApp's typing indicator. The throttle's
 * clock (the conversation's typing_indicated_at) is read and moved under the conversation's lock, in the
 * transaction that writes the outbox row, so two replicas or two clicks cannot both send within the interval.
 * The row is a mark-read with the indicator on, one per message at a time: a new one replaces the completed
 * one, and none is added while one is still open, so they never pile up behind a slow send. It keeps the
 * student's order: one queued behind the admin's message just sent waits for that send's outcome (the
 * indicator then follows the message, as the admin is still typing), and a message written after it waits
 * for the indicator's outcome, a single quick call. An end of chat written after it reaches the student
 * after it too, and Meta hides the indicator on our next message, so it never stays up past the chat.
 */
export async function indicateTyping(
  deps: SupportDeps,
  request: { actor: Actor; student: string; correlationId: string },
): Promise<Committed<TypingIndicatorResult>> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { conversation, chat } = await lockSupportConversation(trx, request.student);
    const plan = planTypingIndicator({
      chat: openChatOf(chat),
      newestInbound: await latestInboundMessage(trx, conversation.id),
      windowOpen: isServiceWindowOpen(windowOf(conversation), now),
      lastIndicatedAt: conversation.typing_indicated_at,
      now,
      intervalMs: TYPING_INDICATOR_INTERVAL_MS,
    });
    if (plan.kind === 'refuse') throw new EngineCommandError(plan.code, plan.message);
    if (plan.kind === 'skip') return { outcome: { sent: false, reason: plan.reason }, changes: noChanges() };

    await deleteCompletedTyping(trx, plan.messageId);
    const queued = await queueMarkRead(trx, {
      kind: 'typing',
      conversation,
      target: plan,
      typingIndicator: true,
      correlationId: request.correlationId,
      newId: deps.newId,
    });
    // The last one for this message is still open (queued behind a send in retries, say): it will show.
    if (!queued) return { outcome: { sent: false, reason: 'throttled' }, changes: noChanges() };
    await recordTypingIndicated(trx, conversation.id, now);
    return { outcome: { sent: true }, changes: { ...noChanges(), relay: true } };
  });
}

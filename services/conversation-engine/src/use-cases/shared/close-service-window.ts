import type { Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { lockConversationWindow, updateConversation } from '../../db/repositories/conversations.repository';
import { windowClosedAt } from '../../domain/support/service-window';

/**
 * Meta refused one of our messages as outside the 24-hour window (131047), as a send result or a failed
 * status: the conversation's window counts as closed until the student writes again, so the next admin send
 * is refused before anything is queued and the console offers the template. True when it closed it now.
 */
export async function closeWindowIfRefused(
  trx: Transaction<EngineDatabase>,
  input: { conversationId: string; errorCode: number | undefined; messageWrittenAt: Date; now: Date },
): Promise<boolean> {
  if (input.errorCode === undefined) return false;
  const conversation = await lockConversationWindow(trx, input.conversationId);
  if (!conversation) return false;
  const closedAt = windowClosedAt({
    errorCode: input.errorCode,
    messageWrittenAt: input.messageWrittenAt,
    lastInboundAt: conversation.last_inbound_at,
    now: input.now,
  });
  if (!closedAt) return false;
  if (conversation.service_window_closed_at && conversation.service_window_closed_at.getTime() >= closedAt.getTime()) return false;
  await updateConversation(trx, conversation.id, { service_window_closed_at: closedAt });
  return true;
}

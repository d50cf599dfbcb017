import type { Actor, ConversationView } from '@app/contracts';
import { updateConversation } from '../../db/repositories/conversations.repository';
import { findStudent } from '../../db/repositories/students.repository';
import { endSupportChat, recordFirstResponse } from '../../db/repositories/support-chats.repository';
import {
  endSupportByTeam,
  isCsatEvent,
  parseBotState,
  positionAfterSilentEnd,
  type BotState,
  type ConversationSnapshot,
} from '../../domain/bot';
import { EngineCommandError } from '../../domain/engine-error';
import { onEnd } from '../../domain/support/lifecycle';
import { isServiceWindowOpen, windowOf } from '../../domain/support/service-window';
import type { Changes, Committed } from '../shared/changes';
import { applyCsatEvent } from '../shared/apply-csat-event';
import { surveyFor } from '../csat/survey-for';
import {
  conversationView,
  loadContent,
  lockSupportConversation,
  openChatOf,
  outgoing,
  type SupportDeps,
} from '../shared/support-transaction';

export interface EndChatRequest {
  actor: Actor;
  /** Phone digits or business-scoped user id. */
  student: string;
  message?: string | undefined;
  correlationId: string;
}

/**
 * An admin ends the student's open chat (waiting or active, whoever holds it). The student gets the admin's
 * last message if there is one, then what they get when they end it themselves: the main menu when
 * registered, their registration question otherwise. When their 24-hour window has closed nothing can reach
 * them: the chat ends without a message (the optional one included) and a registered student's next message
 * is taken at the main menu.
 */
export async function endChat(deps: SupportDeps, request: EndChatRequest): Promise<Committed<{ conversation: ConversationView }>> {
  const now = deps.now();
  const agent = { id: request.actor.id, name: request.actor.name };
  return deps.db.transaction().execute(async (trx) => {
    const { conversation, chat } = await lockSupportConversation(trx, request.student);
    const transition = onEnd(openChatOf(chat));
    if (transition.kind === 'refuse' || !chat) throw new EngineCommandError('chat_not_active', 'the student is not in a support chat');

    const student = await findStudent(trx, conversation.id);
    const botState = parseBotState(conversation.bot_state);
    const out = outgoing(trx, conversation, { now, newId: deps.newId, correlationId: request.correlationId });
    let nextState: BotState = positionAfterSilentEnd(botState, student !== null);
    if (isServiceWindowOpen(windowOf(conversation), now)) {
      if (request.message) {
        await out.write({ kind: 'text', body: request.message }, 'agent', agent);
        await recordFirstResponse(trx, chat.id, now);
      }
      const snapshot: ConversationSnapshot = {
        phoneNumber: conversation.phone_number,
        profileName: conversation.profile_name,
        username: conversation.username,
        student,
        botState,
        support: { status: conversation.support_status, lastReceiptAt: conversation.support_receipt_at },
      };
      const csat = await surveyFor(trx, chat);
      const decision = endSupportByTeam(snapshot, await loadContent(trx), { now, ...(csat ? { csat } : {}) });
      for (const reply of decision.replies) await out.write(reply, 'bot');
      for (const event of decision.events) {
        if (isCsatEvent(event)) await applyCsatEvent(trx, { conversationId: conversation.id, now }, event);
      }
      nextState = decision.botState;
    }
    // queueChanged below even for an active chat: its agent's seat is free for the next waiting chat.
    await endSupportChat(trx, chat.id, { by: 'agent', reason: 'agent', at: now, agent });
    await updateConversation(trx, conversation.id, { support_status: 'ended', bot_state: nextState });
    await out.touchConversation();

    const changes: Changes = { messagesCreated: out.written, messagesStatus: [], conversations: [conversation.id], queueChanged: true };
    return { outcome: { conversation: await conversationView(trx, conversation.id) }, changes };
  });
}

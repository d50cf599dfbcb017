import type { Actor, ConversationView } from '@app/contracts';
import { updateConversation } from '../../db/repositories/conversations.repository';
import { claimSupportChat, insertSupportChat, recordFirstResponse } from '../../db/repositories/support-chats.repository';
import { agentJoinedMessage } from '../../domain/bot';
import { EngineCommandError } from '../../domain/engine-error';
import { onStart } from '../../domain/support/lifecycle';
import { isServiceWindowOpen, windowOf } from '../../domain/support/service-window';
import type { Changes, Committed } from '../shared/changes';
import {
  conversationView,
  loadContent,
  lockSupportConversation,
  openChatOf,
  outgoing,
  type SupportDeps,
} from '../shared/support-transaction';

export interface StartChatRequest {
  actor: Actor;
  /** Phone digits or business-scoped user id. */
  student: string;
  message?: string | undefined;
  correlationId: string;
}

/**
 * An admin opens a chat with a student, asking or not: a new chat (or the waiting one) becomes active and
 * theirs, the student is told who joined (with the end_chat button), then gets the admin's first message if
 * there is one. Starting one's own active chat again only sends the message. Refused when another admin holds
 * the chat, and when the student's 24-hour window is closed (nothing could reach them).
 */
export async function startChat(deps: SupportDeps, request: StartChatRequest): Promise<Committed<{ conversation: ConversationView }>> {
  const now = deps.now();
  const agent = { id: request.actor.id, name: request.actor.name };
  return deps.db.transaction().execute(async (trx) => {
    const { conversation, chat } = await lockSupportConversation(trx, request.student);
    const transition = onStart(openChatOf(chat), agent);
    if (transition.kind === 'refuse') throw new EngineCommandError(transition.code, transition.message);
    const joins = transition.kind !== 'keep';
    if ((joins || request.message) && !isServiceWindowOpen(windowOf(conversation), now)) {
      throw new EngineCommandError('outside_service_window', "the student's 24-hour window is closed: no message can reach them");
    }

    let chatId = chat?.id;
    if (transition.kind === 'open') {
      chatId = await insertSupportChat(trx, { conversationId: conversation.id, requestedBy: 'agent', at: now, agent });
      await updateConversation(trx, conversation.id, { support_status: 'active', support_requested_at: now, support_receipt_at: null });
    } else if (transition.kind === 'claim' && chat) {
      await claimSupportChat(trx, chat.id, agent, now);
      await updateConversation(trx, conversation.id, { support_status: 'active' });
    }

    const out = outgoing(trx, conversation, { now, newId: deps.newId, correlationId: request.correlationId });
    if (joins) await out.write(agentJoinedMessage(await loadContent(trx), agent.name), 'system');
    if (request.message) {
      await out.write({ kind: 'text', body: request.message }, 'agent', agent);
      if (chatId) await recordFirstResponse(trx, chatId, now);
    }
    await out.touchConversation();

    const changes: Changes = {
      messagesCreated: out.written,
      messagesStatus: [],
      conversations: [conversation.id],
      queueChanged: transition.kind === 'claim',
    };
    return { outcome: { conversation: await conversationView(trx, conversation.id) }, changes };
  });
}

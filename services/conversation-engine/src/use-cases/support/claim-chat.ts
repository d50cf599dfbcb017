import type { Actor, ConversationView } from '@app/contracts';
import { updateConversation } from '../../db/repositories/conversations.repository';
import { claimSupportChat } from '../../db/repositories/support-chats.repository';
import { agentJoinedMessage } from '../../domain/bot';
import { EngineCommandError } from '../../domain/engine-error';
import { onClaim } from '../../domain/support/lifecycle';
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

export interface ClaimChatRequest {
  actor: Actor;
  /** Phone digits or business-scoped user id. */
  student: string;
  correlationId: string;
}

/**
 * An admin takes a waiting chat: it becomes active and theirs, and the student is told who joined. Claiming
 * one's own chat again changes nothing; a chat another admin holds is refused (already_claimed), and so is a
 * student with no open chat (chat_not_active). Should the student's 24-hour window have closed (the sweep
 * ends such chats within a minute), the chat is claimed without telling them: nothing could reach them.
 */
export async function claimChat(deps: SupportDeps, request: ClaimChatRequest): Promise<Committed<{ conversation: ConversationView }>> {
  const now = deps.now();
  const agent = { id: request.actor.id, name: request.actor.name };
  return deps.db.transaction().execute(async (trx) => {
    const { conversation, chat } = await lockSupportConversation(trx, request.student);
    const transition = onClaim(openChatOf(chat), agent);
    if (transition.kind === 'refuse') throw new EngineCommandError(transition.code, transition.message);

    const out = outgoing(trx, conversation, { now, newId: deps.newId, correlationId: request.correlationId });
    if (transition.kind === 'claim' && chat) {
      await claimSupportChat(trx, chat.id, agent, now);
      await updateConversation(trx, conversation.id, { support_status: 'active' });
      if (isServiceWindowOpen(windowOf(conversation), now))
        await out.write(agentJoinedMessage(await loadContent(trx), agent.name), 'system');
      await out.touchConversation();
    }
    const changes: Changes = {
      messagesCreated: out.written,
      messagesStatus: [],
      conversations: transition.kind === 'claim' ? [conversation.id] : [],
      queueChanged: transition.kind === 'claim',
    };
    return { outcome: { conversation: await conversationView(trx, conversation.id) }, changes };
  });
}

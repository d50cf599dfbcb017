import type { Actor, ConversationView } from '@app/contracts';
import { touchAgentIdle } from '../../db/repositories/agents.repository';
import { insertAssignmentLine, returnChatToQueue } from '../../db/repositories/assignment.repository';
import { updateConversation } from '../../db/repositories/conversations.repository';
import { EngineCommandError } from '../../domain/engine-error';
import { assignmentLine } from '../../domain/support/assignment';
import type { Changes, Committed } from '../shared/changes';
import { agentsOf, assignedChange } from './assignment-change';
import { conversationView, lockSupportConversation, openChatOf, type SupportDeps } from '../shared/support-transaction';

/**
 * The assignee hands their active chat back to the queue (an admin may do it for anyone's chat): it waits
 * again in its first place, and is offered to the next available agent after the commit (not to them again). The student is not
 * told (the next person to join them is); the team sees a line in the thread. An agent may not hand back a
 * colleague's chat (already_claimed); a chat not active is chat_not_active.
 */
export async function unassignChat(
  deps: SupportDeps,
  request: { actor: Actor; student: string; correlationId: string },
): Promise<Committed<{ conversation: ConversationView }>> {
  const now = deps.now();
  const by = { id: request.actor.id, name: request.actor.name };
  return deps.db.transaction().execute(async (trx) => {
    const { conversation, chat } = await lockSupportConversation(trx, request.student);
    const open = openChatOf(chat);
    if (!open || !chat || open.status !== 'active')
      throw new EngineCommandError('chat_not_active', 'the chat is not active: nothing to hand back');
    const from = open.assignedTo;
    if (request.actor.role !== 'admin' && from?.id !== by.id)
      throw new EngineCommandError('already_claimed', `the chat is held by ${from?.name ?? 'another agent'}`);

    await returnChatToQueue(trx, chat.id, now, from?.id ?? null);
    await updateConversation(trx, conversation.id, { support_status: 'waiting' });
    if (from) await touchAgentIdle(trx, from.id, now);
    const lineId = deps.newId();
    await insertAssignmentLine(trx, {
      id: lineId,
      conversationId: conversation.id,
      text: assignmentLine({ reason: 'handed_back', from: from?.name ?? null, to: null }),
      at: now,
      correlationId: request.correlationId,
    });
    const change = assignedChange({ id: deps.newId(), chatId: chat.id, conversation, from, to: null, reason: 'handed_back', by, at: now });
    const changes: Changes = {
      messagesCreated: [lineId],
      messagesStatus: [],
      conversations: [conversation.id],
      queueChanged: true,
      assignments: [change],
      agents: agentsOf(from),
    };
    return { outcome: { conversation: await conversationView(trx, conversation.id) }, changes };
  });
}

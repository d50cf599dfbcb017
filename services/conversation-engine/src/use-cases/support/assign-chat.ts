import type { Actor, ConversationView } from '@app/contracts';
import { lockAgent, touchAgentIdle } from '../../db/repositories/agents.repository';
import { assignSupportChat, insertAssignmentLine } from '../../db/repositories/assignment.repository';
import { updateConversation } from '../../db/repositories/conversations.repository';
import { agentJoinedMessage } from '../../domain/bot';
import { EngineCommandError } from '../../domain/engine-error';
import { assignmentLine, effectiveAvailability } from '../../domain/support/assignment';
import { isServiceWindowOpen, windowOf } from '../../domain/support/service-window';
import type { Changes, Committed } from '../shared/changes';
import { agentsOf, assignedChange } from './assignment-change';
import {
  conversationView,
  loadContent,
  lockSupportConversation,
  openChatOf,
  outgoing,
  type SupportDeps,
} from '../shared/support-transaction';

export interface AssignChatRequest {
  actor: Actor;
  student: string;
  agent_id: string;
  correlationId: string;
}

/**
 * An admin gives the student's open chat to a named agent. A waiting chat becomes active and theirs and the
 * student is told a person joined (as on a claim); an active chat is transferred without a word to the
 * student, with a line in the thread for the team. The agent's capacity may be exceeded: an admin's explicit
 * choice (covering a colleague, an urgent case) wins over the automatic rule, and the Agents list shows the
 * load. Refused for an agent the engine has never seen (not_found) and for one offline (agent_unavailable):
 * nobody would see the chat. Assigning to the current assignee changes nothing.
 */
export async function assignChat(deps: SupportDeps, request: AssignChatRequest): Promise<Committed<{ conversation: ConversationView }>> {
  const now = deps.now();
  const by = { id: request.actor.id, name: request.actor.name };
  return deps.db.transaction().execute(async (trx) => {
    const { conversation, chat } = await lockSupportConversation(trx, request.student);
    const open = openChatOf(chat);
    if (!open || !chat) throw new EngineCommandError('chat_not_active', 'the student is not in a support chat');
    const target = await lockAgent(trx, request.agent_id);
    if (!target) throw new EngineCommandError('not_found', 'no agent with this id has used the console');
    if (effectiveAvailability(target.availability, target.seen_until, now) === 'offline') {
      throw new EngineCommandError('agent_unavailable', `${target.name} is offline`);
    }
    const to = { id: target.id, name: target.name };
    const from = open.assignedTo;
    if (open.status === 'active' && from?.id === to.id)
      return {
        outcome: { conversation: await conversationView(trx, conversation.id) },
        changes: { messagesCreated: [], messagesStatus: [], conversations: [], queueChanged: false },
      };

    await assignSupportChat(trx, chat.id, to, now);
    await touchAgentIdle(trx, to.id, now);
    const out = outgoing(trx, conversation, { now, newId: deps.newId, correlationId: request.correlationId });
    const reason = open.status === 'waiting' ? 'assigned' : 'transferred';
    if (open.status === 'waiting') {
      await updateConversation(trx, conversation.id, { support_status: 'active' });
      if (isServiceWindowOpen(windowOf(conversation), now)) await out.write(agentJoinedMessage(await loadContent(trx), to.name), 'system');
      await out.touchConversation();
    } else {
      if (from) await touchAgentIdle(trx, from.id, now);
      const lineId = deps.newId();
      await insertAssignmentLine(trx, {
        id: lineId,
        conversationId: conversation.id,
        text: assignmentLine({ reason, from: from?.name ?? null, to: to.name }),
        at: now,
        correlationId: request.correlationId,
      });
      out.written.push(lineId);
    }
    const change = assignedChange({ id: deps.newId(), chatId: chat.id, conversation, from, to, reason, by, at: now });
    const changes: Changes = {
      messagesCreated: out.written,
      messagesStatus: [],
      conversations: [conversation.id],
      queueChanged: open.status === 'waiting',
      assignments: [change],
      agents: agentsOf(from, to),
    };
    return { outcome: { conversation: await conversationView(trx, conversation.id) }, changes };
  });
}

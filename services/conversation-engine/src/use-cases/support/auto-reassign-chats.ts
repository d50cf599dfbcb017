import { findAgents, lockAvailableAgents, touchAgentIdle } from '../../db/repositories/agents.repository';
import {
  activeChatsAssignedBefore,
  assignSupportChat,
  insertAssignmentLine,
  returnChatToQueue,
  setPassedBy,
} from '../../db/repositories/assignment.repository';
import { readAssignmentSettings } from '../../db/repositories/assignment-settings.repository';
import { lockConversation, updateConversation } from '../../db/repositories/conversations.repository';
import { findOpenChat } from '../../db/repositories/support-chats.repository';
import { assignmentLine, pickAgent, reassignDue, unansweredSince } from '../../domain/support/assignment';
import { mergeChanges, type Changes, type Committed } from '../shared/changes';
import { agentsOf, assignedChange } from './assignment-change';
import type { SupportDeps } from '../shared/support-transaction';

const BATCH = 100;

/**
 * The sweep's auto-reassign: an active chat whose student has waited `auto_reassign_after_seconds` (an
 * admin's setting; 0 = off) for an answer goes to the next available agent with room (not the one who let
 * it wait), else back to the queue. The student is not told (a person joining them is, later); the thread
 * gets a line for the team; the previous assignee's console hears it (assignment.changed, reason
 * unanswered) and admin-api audits it as the system's. Each chat is one transaction under its conversation's
 * lock, deciding again from what is committed, so two replicas sweeping never move a chat twice.
 */
export async function autoReassignChats(deps: SupportDeps): Promise<Committed<{ reassigned: number }>> {
  const { auto_reassign_after_seconds: afterSeconds } = await readAssignmentSettings(deps.db);
  if (afterSeconds <= 0) return { outcome: { reassigned: 0 }, changes: mergeChanges() };
  const now = deps.now();
  const cutoff = new Date(now.getTime() - afterSeconds * 1000);
  const all: Changes[] = [];
  for (const row of await activeChatsAssignedBefore(deps.db, cutoff, BATCH)) {
    if (
      !reassignDue(
        unansweredSince({ assignedAt: row.assigned_at, agentRepliedAt: row.agent_replied_at }, row.first_inbound_after_reply),
        afterSeconds,
        now,
      )
    )
      continue;
    const changes = await reassignOne(deps, row.id, row.conversation_id, afterSeconds);
    if (changes) all.push(changes);
  }
  return { outcome: { reassigned: all.length }, changes: mergeChanges(...all) };
}

async function reassignOne(deps: SupportDeps, chatId: string, conversationId: string, afterSeconds: number): Promise<Changes | undefined> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx): Promise<Changes | undefined> => {
    const conversation = await lockConversation(trx, conversationId);
    if (!conversation) return undefined;
    const chat = await findOpenChat(trx, conversation.id);
    if (!chat || chat.id !== chatId || chat.status !== 'active' || !chat.assigned_admin_id) return undefined;
    const [fresh] = await activeChatsAssignedBefore(trx, now, 1, chatId);
    if (
      !fresh ||
      !reassignDue(
        unansweredSince({ assignedAt: fresh.assigned_at, agentRepliedAt: fresh.agent_replied_at }, fresh.first_inbound_after_reply),
        afterSeconds,
        now,
      )
    )
      return undefined;
    const from = { id: chat.assigned_admin_id, name: chat.assigned_admin_name ?? chat.assigned_admin_id };

    const ids = await lockAvailableAgents(trx, now);
    const agents = await findAgents(trx, now, ids);
    const best = pickAgent(
      agents.map((a) => ({ id: a.id, name: a.name, capacity: a.capacity, load: a.load, idleSince: a.idle_since })),
      new Set([from.id]),
    );
    const to = best ? { id: best.id, name: best.name } : null;
    if (to) {
      await assignSupportChat(trx, chat.id, to, now);
      await setPassedBy(trx, chat.id, from.id);
      await touchAgentIdle(trx, to.id, now);
    } else {
      await returnChatToQueue(trx, chat.id, now, from.id);
      await updateConversation(trx, conversation.id, { support_status: 'waiting' });
    }
    await touchAgentIdle(trx, from.id, now);
    const lineId = deps.newId();
    await insertAssignmentLine(trx, {
      id: lineId,
      conversationId: conversation.id,
      text: assignmentLine({ reason: 'unanswered', from: from.name, to: to?.name ?? null, afterSeconds }),
      at: now,
      correlationId: `reassign:${chat.id}`,
    });
    const change = assignedChange({ id: deps.newId(), chatId: chat.id, conversation, from, to, reason: 'unanswered', by: null, at: now });
    return {
      messagesCreated: [lineId],
      messagesStatus: [],
      conversations: [conversation.id],
      queueChanged: to === null,
      assignments: [change],
      agents: agentsOf(from, to),
    };
  });
}

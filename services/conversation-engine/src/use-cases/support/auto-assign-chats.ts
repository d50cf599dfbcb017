import { lockConversation, updateConversation } from '../../db/repositories/conversations.repository';
import { anyAgentAvailable, findAgents, lockAvailableAgents, touchAgentIdle } from '../../db/repositories/agents.repository';
import { assignSupportChat, frontOfLine } from '../../db/repositories/assignment.repository';
import { findOpenChat } from '../../db/repositories/support-chats.repository';
import { agentJoinedMessage } from '../../domain/bot';
import { pickAgent } from '../../domain/support/assignment';
import { isServiceWindowOpen, windowOf } from '../../domain/support/service-window';
import { mergeChanges, type Changes, type Committed } from '../shared/changes';
import { agentsOf, assignedChange } from './assignment-change';
import { loadContent, outgoing, type SupportDeps } from '../shared/support-transaction';

/** At most this many chats offered per run; the next trigger (or the sweep, each minute) offers the rest. */
const MAX_OFFERS_PER_RUN = 50;

/**
 * Offers waiting chats, front of the line first, to the available agent with the most free capacity (ties:
 * longest idle). Each offer is one transaction: the student's conversation locked (as every chat writer
 * does first), the chat checked still waiting, then the available agents' rows locked in id order and
 * their load read after the lock. Two replicas offering at once thus never give one chat twice (the
 * conversation lock) nor fill an agent past capacity (the agents' locks). The student is told a person
 * joined, as when a chat is claimed by hand. A chat is never offered back to the agent who passed it on
 * (handed it back, or let it go unanswered); they may still claim it by hand. Stops when nobody has room.
 */
export async function autoAssignChats(deps: SupportDeps): Promise<Committed<{ offered: number }>> {
  // Most commits that move the line happen with nobody available (no team using assignment): no lock then.
  if (!(await anyAgentAvailable(deps.db, deps.now()))) return { outcome: { offered: 0 }, changes: mergeChanges() };
  const all: Changes[] = [];
  let offered = 0;
  for (const candidate of await frontOfLine(deps.db, MAX_OFFERS_PER_RUN)) {
    const result = await offerOne(deps, candidate);
    if (result === 'nobody') break;
    if (result) {
      all.push(result);
      offered++;
    }
    if (offered >= MAX_OFFERS_PER_RUN) break;
  }
  return { outcome: { offered }, changes: mergeChanges(...all) };
}

async function offerOne(
  deps: SupportDeps,
  candidate: { id: string; conversation_id: string; passed_by: string | null },
): Promise<Changes | 'nobody' | undefined> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx): Promise<Changes | 'nobody' | undefined> => {
    const conversation = await lockConversation(trx, candidate.conversation_id);
    if (!conversation) return undefined;
    const chat = await findOpenChat(trx, conversation.id);
    if (!chat || chat.id !== candidate.id || chat.status !== 'waiting') return undefined;
    const ids = await lockAvailableAgents(trx, now);
    const agents = await findAgents(trx, now, ids);
    const candidates = agents.map((a) => ({ id: a.id, name: a.name, capacity: a.capacity, load: a.load, idleSince: a.idle_since }));
    const best = pickAgent(candidates, new Set(candidate.passed_by ? [candidate.passed_by] : []));
    // Nobody with room at all: the chats behind it cannot be offered either. Only the one who passed it on: next chat.
    if (!best) return pickAgent(candidates) ? undefined : 'nobody';
    const agent = { id: best.id, name: best.name };

    await assignSupportChat(trx, chat.id, agent, now);
    await updateConversation(trx, conversation.id, { support_status: 'active' });
    await touchAgentIdle(trx, agent.id, now);
    const out = outgoing(trx, conversation, { now, newId: deps.newId, correlationId: `offer:${chat.id}` });
    if (isServiceWindowOpen(windowOf(conversation), now)) await out.write(agentJoinedMessage(await loadContent(trx), agent.name), 'system');
    await out.touchConversation();
    const change = assignedChange({
      id: deps.newId(),
      chatId: chat.id,
      conversation,
      from: null,
      to: agent,
      reason: 'offered',
      by: null,
      at: now,
    });
    return {
      messagesCreated: out.written,
      messagesStatus: [],
      conversations: [conversation.id],
      queueChanged: true,
      assignments: [change],
      agents: agentsOf(agent),
    };
  });
}

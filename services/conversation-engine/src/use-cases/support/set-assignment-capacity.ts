import type { Actor, AgentView } from '@app/contracts';
import { findAgents, setAgentCapacity } from '../../db/repositories/agents.repository';
import { toAgentView } from '../../domain/support/agent-view';
import type { Committed } from '../shared/changes';
import type { SupportDeps } from '../shared/support-transaction';

/**
 * An admin sets an agent's capacity (most active chats at once). Lowering it below their load takes no chat
 * away: they get no new offer until they are under it. Raising it may let them take waiting chats at once.
 */
export async function setAssignmentCapacity(
  deps: SupportDeps,
  request: { actor: Actor; agent: { id: string; name: string }; capacity: number },
): Promise<Committed<{ agent: AgentView }>> {
  const now = deps.now();
  await setAgentCapacity(deps.db, request.agent, request.capacity, now);
  const [row] = await findAgents(deps.db, now, [request.agent.id]);
  if (!row) throw new Error(`agent ${request.agent.id} vanished`);
  return {
    outcome: { agent: toAgentView(row, now) },
    changes: { messagesCreated: [], messagesStatus: [], conversations: [], queueChanged: true, agents: [row.id] },
  };
}

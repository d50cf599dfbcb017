import { PRESENCE_TTL_SECONDS, type Actor, type AgentView, type Availability } from '@app/contracts';
import { findAgents, setAgentAvailability } from '../../db/repositories/agents.repository';
import { toAgentView } from '../../domain/support/agent-view';
import type { Changes, Committed } from '../shared/changes';
import type { SupportDeps } from '../shared/support-transaction';

/**
 * The actor sets their own availability from the console. Choosing available or away comes from an open
 * console, so it counts as presence too; offline (signing out) ends presence at once, so no chat is offered
 * to them from then on. Becoming available is followed by offers (queueChanged), like a freed seat.
 */
export async function setAvailability(
  deps: SupportDeps,
  request: { actor: Actor; availability: Availability },
): Promise<Committed<{ agent: AgentView }>> {
  const now = deps.now();
  const agent = { id: request.actor.id, name: request.actor.name };
  const seenUntil = request.availability === 'offline' ? null : new Date(now.getTime() + PRESENCE_TTL_SECONDS * 1000);
  await setAgentAvailability(deps.db, agent, request.availability, { seenUntil, at: now });
  const [row] = await findAgents(deps.db, now, [agent.id]);
  if (!row) throw new Error(`agent ${agent.id} vanished`);
  const changes: Changes = {
    messagesCreated: [],
    messagesStatus: [],
    conversations: [],
    queueChanged: request.availability === 'available',
    agents: [agent.id],
  };
  return { outcome: { agent: toAgentView(row, now) }, changes };
}

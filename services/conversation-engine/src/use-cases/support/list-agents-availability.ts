import type { AgentView } from '@app/contracts';
import { findAgents } from '../../db/repositories/agents.repository';
import { toAgentView } from '../../domain/support/agent-view';
import type { SupportDeps } from '../shared/support-transaction';

/** Every agent the engine knows, by name, with effective availability, capacity and load. Small: one row per team member. */
export async function listAgentsAvailability(deps: Pick<SupportDeps, 'db' | 'now'>): Promise<{ items: AgentView[] }> {
  const now = deps.now();
  return { items: (await findAgents(deps.db, now)).map((row) => toAgentView(row, now)) };
}

import type { EngineEvent } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { Changes } from '../../use-cases/shared/changes';
import { toAgentView } from '../../domain/support/agent-view';
import { findAgents } from '../../db/repositories/agents.repository';
import type { EngineDatabase } from '../../db/database';

/**
 * assignment.changed for each change of assignee (the conversation itself follows as conversation.updated),
 * then agent.updated for each agent whose availability, capacity or load moved, read after the commit.
 */
export async function assignmentEvents(db: Kysely<EngineDatabase>, changes: Changes, occurredAt: string): Promise<EngineEvent[]> {
  const events: EngineEvent[] = [];
  for (const a of changes.assignments ?? []) {
    events.push({ event: 'assignment.changed', phone_number: a.phoneNumber, user_id: a.userId, assignment: a.change, occurredAt });
  }
  const ids = changes.agents ?? [];
  if (ids.length === 0) return events;
  const now = new Date();
  for (const row of await findAgents(db, now, ids)) {
    events.push({ event: 'agent.updated', phone_number: null, user_id: null, agent: toAgentView(row, now), occurredAt });
  }
  return events;
}

import { readAssignmentSettings } from '../../db/repositories/assignment-settings.repository';
import { assignChat } from '../../use-cases/support/assign-chat';
import { listAgentsAvailability } from '../../use-cases/support/list-agents-availability';
import { reportAvailabilityPresence } from '../../use-cases/support/report-availability-presence';
import { setAssignmentCapacity } from '../../use-cases/support/set-assignment-capacity';
import { setAssignmentSettings } from '../../use-cases/support/set-assignment-settings';
import { setAvailability } from '../../use-cases/support/set-availability';
import { unassignChat } from '../../use-cases/support/unassign-chat';
import type { SupportDeps } from '../../use-cases/shared/support-transaction';
import { committedReply } from './committed-reply';
import type { RpcHandlers } from './engine-rpc.server';

type AssignmentRpc =
  | 'listAgents'
  | 'reportPresence'
  | 'setAvailability'
  | 'setAgentCapacity'
  | 'assignChat'
  | 'handBackChat'
  | 'getAssignmentSettings'
  | 'setAssignmentSettings';

/** The assignment RPCs (agents, availability, capacity, assign / hand back, auto-reassign settings). */
export function assignmentRpcHandlers(deps: SupportDeps): Pick<RpcHandlers, AssignmentRpc> {
  return {
    listAgents: async () => ({ data: await listAgentsAvailability(deps) }),
    reportPresence: (request) => committedReply(reportAvailabilityPresence(deps, request)),
    setAvailability: (request) => committedReply(setAvailability(deps, request)),
    setAgentCapacity: (request) => committedReply(setAssignmentCapacity(deps, request)),
    assignChat: (request) => committedReply(assignChat(deps, request)),
    handBackChat: (request) => committedReply(unassignChat(deps, request)),
    getAssignmentSettings: async () => ({ data: await readAssignmentSettings(deps.db) }),
    setAssignmentSettings: async (request) => ({ data: await setAssignmentSettings(deps, request) }),
  };
}

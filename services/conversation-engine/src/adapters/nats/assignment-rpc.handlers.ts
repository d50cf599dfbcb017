import { readAssignmentSettings } from '../db/assignment-settings.repository';
import { assignChat } from '../../use-cases/support/assign-chat';
import { listAgentsAvailability } from '../../use-cases/support/list-agents-availability';
import { reportAvailabilityPresence } from '../../use-cases/support/report-availability-presence';
import { setAssignmentCapacity } from '../../use-cases/support/set-assignment-capacity';
import { setAssignmentSettings } from '../../use-cases/support/set-assignment-settings';
import { setAvailability } from '../../use-cases/support/set-availability';
import { unassignChat } from '../../use-cases/support/unassign-chat';
import type { SupportDeps } from '../../use-cases/support/support-transaction';
import type { RpcHandlers } from './engine-rpc.server';

type AssignmentRpc = 'listAgents' | 'reportPresence' | 'setAvailability' | 'setAgentCapacity' | 'assignChat' | 'handBackChat' | 'getAssignmentSettings' | 'setAssignmentSettings';

/** The assignment RPCs (agents, availability, capacity, assign / hand back, auto-reassign settings). */
export function assignmentRpcHandlers(deps: SupportDeps): Pick<RpcHandlers, AssignmentRpc> {
  return {
    listAgents: async () => ({ data: await listAgentsAvailability(deps) }),
    reportPresence: async (request) => {
      const { online, changes } = await reportAvailabilityPresence(deps, request);
      return { data: { online }, changes };
    },
    setAvailability: async (request) => {
      const { agent, changes } = await setAvailability(deps, request);
      return { data: { agent }, changes };
    },
    setAgentCapacity: async (request) => {
      const { agent, changes } = await setAssignmentCapacity(deps, request);
      return { data: { agent }, changes };
    },
    assignChat: async (request) => {
      const { conversation, changes } = await assignChat(deps, request);
      return { data: { conversation }, changes };
    },
    handBackChat: async (request) => {
      const { conversation, changes } = await unassignChat(deps, request);
      return { data: { conversation }, changes };
    },
    getAssignmentSettings: async () => ({ data: await readAssignmentSettings(deps.db) }),
    setAssignmentSettings: async (request) => ({ data: await setAssignmentSettings(deps, request) }),
  };
}

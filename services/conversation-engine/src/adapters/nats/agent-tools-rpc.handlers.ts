import { addNote } from '../../use-cases/agent-tools/add-note';
import { createLabel } from '../../use-cases/agent-tools/create-label';
import { deleteLabel } from '../../use-cases/agent-tools/delete-label';
import { labelConversation } from '../../use-cases/agent-tools/label-conversation';
import { listLabels } from '../../use-cases/agent-tools/list-labels';
import { studentProfile } from '../../use-cases/agent-tools/student-profile';
import { updateLabel } from '../../use-cases/agent-tools/update-label';
import type { SupportDeps } from '../../use-cases/support/support-transaction';
import type { RpcHandlers } from './engine-rpc.server';

type AgentToolsRpc = 'addNote' | 'listLabels' | 'createLabel' | 'updateLabel' | 'deleteLabel' | 'addConversationLabel' | 'removeConversationLabel' | 'studentProfile';

/** The agent tools' RPCs (issue 14: private notes, labels, what canned replies are rendered from). */
export function agentToolsRpcHandlers(deps: SupportDeps): Pick<RpcHandlers, AgentToolsRpc> {
  return {
    addNote: async (request) => {
      const { message, changes } = await addNote(deps, request);
      return { data: { message }, changes };
    },
    listLabels: async () => ({ data: await listLabels(deps) }),
    createLabel: async (request) => ({ data: await createLabel(deps, request) }),
    updateLabel: async (request) => {
      const { label, changes } = await updateLabel(deps, request);
      return { data: { label }, changes };
    },
    deleteLabel: async (request) => {
      const { label, changes } = await deleteLabel(deps, request);
      return { data: { label }, changes };
    },
    addConversationLabel: async (request) => {
      const { conversation, changes } = await labelConversation(deps, { ...request, action: 'add' });
      return { data: { conversation }, changes };
    },
    removeConversationLabel: async (request) => {
      const { conversation, changes } = await labelConversation(deps, { ...request, action: 'remove' });
      return { data: { conversation }, changes };
    },
    studentProfile: async (request) => ({ data: await studentProfile(deps, request) }),
  };
}

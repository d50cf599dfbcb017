import { addNote } from '../../use-cases/agent-tools/add-note';
import { createLabel } from '../../use-cases/agent-tools/create-label';
import { deleteLabel } from '../../use-cases/agent-tools/delete-label';
import { labelConversation } from '../../use-cases/agent-tools/label-conversation';
import { listLabels } from '../../use-cases/agent-tools/list-labels';
import { studentProfile } from '../../use-cases/agent-tools/student-profile';
import { updateLabel } from '../../use-cases/agent-tools/update-label';
import type { SupportDeps } from '../../use-cases/shared/support-transaction';
import { committedReply } from './committed-reply';
import type { RpcHandlers } from './engine-rpc.server';

type AgentToolsRpc =
  | 'addNote'
  | 'listLabels'
  | 'createLabel'
  | 'updateLabel'
  | 'deleteLabel'
  | 'addConversationLabel'
  | 'removeConversationLabel'
  | 'studentProfile';

/** The agent tools' RPCs (issue 14: private notes, labels, what canned replies are rendered from). */
export function agentToolsRpcHandlers(deps: SupportDeps): Pick<RpcHandlers, AgentToolsRpc> {
  return {
    addNote: (request) => committedReply(addNote(deps, request)),
    listLabels: async () => ({ data: await listLabels(deps) }),
    createLabel: async (request) => ({ data: await createLabel(deps, request) }),
    updateLabel: (request) => committedReply(updateLabel(deps, request)),
    deleteLabel: (request) => committedReply(deleteLabel(deps, request)),
    addConversationLabel: (request) => committedReply(labelConversation(deps, { ...request, action: 'add' })),
    removeConversationLabel: (request) => committedReply(labelConversation(deps, { ...request, action: 'remove' })),
    studentProfile: async (request) => ({ data: await studentProfile(deps, request) }),
  };
}

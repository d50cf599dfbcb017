import { getMedia } from '../../use-cases/queries/get-media';
import { listConversations } from '../../use-cases/queries/list-conversations';
import { listMessages } from '../../use-cases/queries/list-messages';
import { supportStats } from '../../use-cases/queries/support-stats';
import { claimChat } from '../../use-cases/support/claim-chat';
import { endChat } from '../../use-cases/support/end-chat';
import { markRead } from '../../use-cases/support/mark-read';
import { sendAgentMessage } from '../../use-cases/support/send-agent-message';
import { sendTemplate } from '../../use-cases/support/send-template';
import { startChat } from '../../use-cases/support/start-chat';
import type { SupportDeps } from '../../use-cases/support/support-transaction';
import type { ReengagementTemplate } from '../../domain/support/reengagement';
import type { RpcHandlers } from './engine-rpc.server';

/** Each engine RPC, mapped to its use case: the reply's data, and what the commit changed. */
export function engineRpcHandlers(deps: SupportDeps & { template: ReengagementTemplate }): RpcHandlers {
  return {
    listConversations: async (request) => ({ data: await listConversations(deps, request) }),
    listMessages: async (request) => ({ data: await listMessages(deps, request) }),
    stats: async () => ({ data: await supportStats(deps) }),
    getMedia: async (request) => ({ data: await getMedia(deps, request) }),
    startChat: async (request) => {
      const { conversation, changes } = await startChat(deps, request);
      return { data: { conversation }, changes };
    },
    claimChat: async (request) => {
      const { conversation, changes } = await claimChat(deps, request);
      return { data: { conversation }, changes };
    },
    sendMessage: async (request) => {
      const { message, changes } = await sendAgentMessage(deps, request);
      return { data: { message }, changes };
    },
    sendTemplate: async (request) => {
      const { message, changes } = await sendTemplate(deps, request);
      return { data: { message }, changes };
    },
    endChat: async (request) => {
      const { conversation, changes } = await endChat(deps, request);
      return { data: { conversation }, changes };
    },
    markRead: async (request) => {
      const { conversation, changes } = await markRead(deps, request);
      return { data: { conversation }, changes };
    },
  };
}

import type { ParkedEventRow } from '../../db/repositories/parked-events.repository';
import { discardParkedEvent } from '../../use-cases/parked/discard-parked-event';
import { retryParkedEvent } from '../../use-cases/parked/retry-parked-event';
import { getMedia } from '../../use-cases/queries/get-media';
import { listParkedEvents } from '../../use-cases/queries/list-parked-events';
import { listConversations } from '../../use-cases/queries/list-conversations';
import { listMessages } from '../../use-cases/queries/list-messages';
import { supportStats } from '../../use-cases/queries/support-stats';
import { claimChat } from '../../use-cases/support/claim-chat';
import { endChat } from '../../use-cases/support/end-chat';
import { indicateTyping } from '../../use-cases/support/indicate-typing';
import { markRead } from '../../use-cases/support/mark-read';
import { sendAgentMessage } from '../../use-cases/support/send-agent-message';
import { sendTemplate } from '../../use-cases/support/send-template';
import { startChat } from '../../use-cases/support/start-chat';
import type { SupportDeps } from '../../use-cases/shared/support-transaction';
import type { ReengagementTemplate } from '../../domain/support/reengagement';
import { committedReply } from './committed-reply';
import type { RpcHandlers } from './engine-rpc.server';
import { errorText } from './event-attempts';
import { agentToolsRpcHandlers } from './agent-tools-rpc.handlers';
import { officeHoursRpcHandlers } from './office-hours-rpc.handlers';
import { privacyRpcHandlers } from './privacy-rpc.handlers';
import { assignmentRpcHandlers } from './assignment-rpc.handlers';
import { studentDataRpcHandlers, type StudentDataPorts } from './student-data-rpc.handlers';
import { insightRpcHandlers } from './insight-rpc.handlers';

/** Each engine RPC, mapped to its use case: the reply's data, and what the commit changed. */
export function engineRpcHandlers(
  deps: SupportDeps & StudentDataPorts & { template: ReengagementTemplate; replayParked: (row: ParkedEventRow) => Promise<void> },
): RpcHandlers {
  return {
    ...studentDataRpcHandlers(deps),
    ...agentToolsRpcHandlers(deps),
    ...officeHoursRpcHandlers(deps),
    ...privacyRpcHandlers(deps),
    ...assignmentRpcHandlers(deps),
    ...insightRpcHandlers(deps),
    listParkedEvents: async (request) => ({ data: await listParkedEvents(deps, request) }),
    retryParkedEvent: async (request) => ({
      data: { event: await retryParkedEvent({ ...deps, replay: deps.replayParked, describe: errorText }, request) },
    }),
    discardParkedEvent: async (request) => ({ data: { event: await discardParkedEvent(deps, request) } }),
    listConversations: async (request) => ({ data: await listConversations(deps, request) }),
    listMessages: async (request) => ({ data: await listMessages(deps, request) }),
    stats: async () => ({ data: await supportStats(deps) }),
    getMedia: async (request) => ({ data: await getMedia(deps, request) }),
    startChat: (request) => committedReply(startChat(deps, request)),
    claimChat: (request) => committedReply(claimChat(deps, request)),
    sendMessage: (request) => committedReply(sendAgentMessage(deps, request)),
    sendTemplate: (request) => committedReply(sendTemplate(deps, request)),
    endChat: (request) => committedReply(endChat(deps, request)),
    indicateTyping: (request) => committedReply(indicateTyping(deps, request)),
    markRead: (request) => committedReply(markRead(deps, request)),
  };
}

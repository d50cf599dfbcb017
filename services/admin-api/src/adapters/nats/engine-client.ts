import { engineRpc, type EngineErrorCode, type Topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { NatsConnection } from '@app/messaging';
import { engineFailure } from '../../domain/engine-errors';
import type { EngineGateway } from '../../domain/engine-gateway';
import { rpcCall } from './rpc-call';

export interface EngineClientDeps {
  nc: NatsConnection;
  topology: Topology;
  timeoutMs: number;
  log: Logger;
}

/**
 * The conversation engine over NATS request/reply (rpc-call.ts): no engine subscribed, no answer within
 * ENGINE_RPC_TIMEOUT_MS and a lost connection are 503 engine_unavailable; an answer that breaks the contract
 * is 502 engine_invalid_reply; a refusal keeps its code (domain/engine-errors.ts).
 */
export function createEngineClient({ nc, topology, timeoutMs, log }: EngineClientDeps): EngineGateway {
  const call = rpcCall<{ code: EngineErrorCode; message: string }>({
    nc,
    subject: topology.engineRpcSubject,
    timeoutMs,
    log,
    unavailable: {
      code: 'engine_unavailable',
      messages: {
        timeout: 'the conversation engine did not answer in time',
        no_responders: 'no conversation engine is running',
        connection: 'the conversation engine cannot be reached',
      },
    },
    invalidReply: { code: 'engine_invalid_reply', message: 'the conversation engine gave an answer admin-api cannot read' },
    refusal: engineFailure,
    isInternal: (error) => error.code === 'internal',
    logs: { requestFailed: 'engine request failed', replyInvalid: 'engine reply invalid', failed: 'engine failed' },
  });

  return {
    listConversations: call(engineRpc.listConversations),
    listMessages: call(engineRpc.listMessages),
    startChat: call(engineRpc.startChat),
    claimChat: call(engineRpc.claimChat),
    sendMessage: call(engineRpc.sendMessage),
    sendTemplate: call(engineRpc.sendTemplate),
    getMedia: call(engineRpc.getMedia),
    endChat: call(engineRpc.endChat),
    markRead: call(engineRpc.markRead),
    indicateTyping: call(engineRpc.indicateTyping),
    stats: call(engineRpc.stats),
    listParkedEvents: call(engineRpc.listParkedEvents),
    retryParkedEvent: call(engineRpc.retryParkedEvent),
    discardParkedEvent: call(engineRpc.discardParkedEvent),
    listAgents: call(engineRpc.listAgents),
    reportPresence: call(engineRpc.reportPresence),
    setAvailability: call(engineRpc.setAvailability),
    setAgentCapacity: call(engineRpc.setAgentCapacity),
    assignChat: call(engineRpc.assignChat),
    handBackChat: call(engineRpc.handBackChat),
    getAssignmentSettings: call(engineRpc.getAssignmentSettings),
    setAssignmentSettings: call(engineRpc.setAssignmentSettings),
    addNote: call(engineRpc.addNote),
    listLabels: call(engineRpc.listLabels),
    createLabel: call(engineRpc.createLabel),
    updateLabel: call(engineRpc.updateLabel),
    deleteLabel: call(engineRpc.deleteLabel),
    addConversationLabel: call(engineRpc.addConversationLabel),
    removeConversationLabel: call(engineRpc.removeConversationLabel),
    studentProfile: call(engineRpc.studentProfile),
    getConsentSettings: call(engineRpc.getConsentSettings),
    setConsentSettings: call(engineRpc.setConsentSettings),
    getConsent: call(engineRpc.getConsent),
    recordConsent: call(engineRpc.recordConsent),
    getRetention: call(engineRpc.getRetention),
    setRetention: call(engineRpc.setRetention),
    studentHistory: call(engineRpc.studentHistory),
    studentDataTables: call(engineRpc.studentDataTables),
    studentDataRows: call(engineRpc.studentDataRows),
    eraseStudent: call(engineRpc.eraseStudent),
    erasedMedia: call(engineRpc.erasedMedia),
    getOfficeHours: call(engineRpc.getOfficeHours),
    setOfficeHours: call(engineRpc.setOfficeHours),
    addClosure: call(engineRpc.addClosure),
    removeClosure: call(engineRpc.removeClosure),
    getCsatSettings: call(engineRpc.getCsatSettings),
    setCsatSettings: call(engineRpc.setCsatSettings),
    report: call(engineRpc.report),
  };
}

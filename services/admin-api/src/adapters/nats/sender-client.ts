import { senderRpc, type SenderErrorCode, type Topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { NatsConnection } from '@app/messaging';
import type { SenderGateway } from '../../domain/sender-gateway';
import { senderFailure } from '../../domain/sender-errors';
import { rpcCall } from './rpc-call';

/**
 * whatsapp-sender's admin requests over NATS request/reply (rpc-call.ts), answered by one replica of its queue
 * group: no sender subscribed, no answer within SENDER_RPC_TIMEOUT_MS and a lost connection are 503
 * sender_unavailable; an internal failure or an answer that breaks the contract is 502 sender_failed.
 */
export function createSenderClient(deps: { nc: NatsConnection; topology: Topology; timeoutMs: number; log: Logger }): SenderGateway {
  const call = rpcCall<{ code: SenderErrorCode; message: string }>({
    nc: deps.nc,
    subject: deps.topology.senderRpcSubject,
    timeoutMs: deps.timeoutMs,
    log: deps.log,
    unavailable: {
      code: 'sender_unavailable',
      messages: {
        timeout: 'whatsapp-sender did not answer in time',
        no_responders: 'no whatsapp-sender is running',
        connection: 'whatsapp-sender cannot be reached',
      },
    },
    invalidReply: { code: 'sender_failed', message: 'whatsapp-sender gave an answer admin-api cannot read' },
    refusal: senderFailure,
    isInternal: (error) => error.code === 'internal',
    logs: { requestFailed: 'sender request failed', replyInvalid: 'sender reply invalid', failed: 'sender failed' },
  });
  return {
    listDeadLetters: call(senderRpc.listDeadLetters),
    retryDeadLetter: call(senderRpc.retryDeadLetter),
    resume: call(senderRpc.resume),
    status: call(senderRpc.status),
  };
}

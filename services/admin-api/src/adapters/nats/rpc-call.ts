import { describeIssues } from '@app/contracts';
import type { Logger } from '@app/logging';
import { createRpcClient, type NatsConnection, type RpcUnavailable } from '@app/messaging';
import { AppError, type AppErrorCode } from '../../domain/errors';

/** One service reached over NATS request/reply, and how its failures reach a client. */
export interface RpcPeer<F> {
  nc: NatsConnection;
  subject: (name: string) => string;
  timeoutMs: number;
  log: Logger;
  /** Said to the client when no answer came: per reason (timeout, nobody subscribed, connection lost). */
  unavailable: { code: AppErrorCode; messages: Record<RpcUnavailable, string> };
  /** An answer that breaks the contract. */
  invalidReply: { code: AppErrorCode; message: string };
  /** A refusal in the peer's own words, turned into ours. */
  refusal: (error: F) => AppError;
  /** Refusals worth an error log (the peer failed inside). */
  isInternal: (error: F) => boolean;
  /** Fixed log messages of this peer's failures (searched for as they are). */
  logs: { requestFailed: string; replyInvalid: string; failed: string };
}

/**
 * A request to a peer service over NATS request/reply (@app/messaging's client), its failures as AppErrors:
 * no subscriber, no answer within the timeout and a lost connection are the peer's "unavailable" (503); an
 * answer that breaks the contract is logged with what was wrong. Requests are not retried: a command may have
 * been carried out before its answer was lost, and only the caller can decide to repeat it.
 */
export const rpcCall = <F>(peer: RpcPeer<F>) =>
  createRpcClient<F>({
    nc: peer.nc,
    subject: peer.subject,
    timeoutMs: peer.timeoutMs,
    log: peer.log,
    invalidRequest: (error) => new AppError('invalid_request', describeIssues(error, 'body'), { cause: error }),
    unavailable: (reason, cause) => new AppError(peer.unavailable.code, peer.unavailable.messages[reason], { cause }),
    invalidReply: () => new AppError(peer.invalidReply.code, peer.invalidReply.message),
    refusal: peer.refusal,
    isInternal: peer.isInternal,
    logs: peer.logs,
  });

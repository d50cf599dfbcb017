import { WIRE } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { NatsConnection } from '@app/messaging';
import { errors, headers } from '@nats-io/transport-node';
import type { z } from 'zod';
import { AppError, type AppErrorCode } from '../../domain/errors';
import { describeIssues } from '../http/validation';

export interface RpcSpec<Req extends z.ZodType, D, F> {
  name: string;
  request: Req;
  reply: z.ZodType<{ ok: true; data: D } | { ok: false; error: F }>;
}

type Unavailable = 'timeout' | 'no_responders' | 'connection';

function unavailableReason(error: unknown): Unavailable {
  if (error instanceof errors.TimeoutError) return 'timeout';
  if (error instanceof errors.RequestError && error.isNoResponders()) return 'no_responders';
  if (error instanceof errors.NoRespondersError) return 'no_responders';
  return 'connection';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One service reached over NATS request/reply, and how its failures reach a client. */
export interface RpcPeer<F> {
  nc: NatsConnection;
  subject: (name: string) => string;
  timeoutMs: number;
  log: Logger;
  /** Said to the client when no answer came: per reason (timeout, nobody subscribed, connection lost). */
  unavailable: { code: AppErrorCode; messages: Record<Unavailable, string> };
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
 * A request to a peer service over NATS request/reply. Every failure to get a usable answer is an AppError,
 * never a hang or a crash: no subscriber (NATS answers "no responders" at once), no answer within the timeout
 * and a lost connection are the peer's "unavailable" (503); an answer that breaks the contract is logged with
 * what was wrong. Requests are not retried here: a command may have been carried out before its answer was
 * lost, and only the caller can decide to repeat it.
 */
export const rpcCall =
  <F>(peer: RpcPeer<F>) =>
  <Req extends z.ZodType, D>(spec: RpcSpec<Req, D, F>) =>
  async (request: z.input<Req>, correlationId: string): Promise<D> => {
    const rpc = spec.name;
    const parsed = spec.request.safeParse(request);
    if (!parsed.success) throw new AppError('invalid_request', describeIssues(parsed.error), { cause: parsed.error });
    const h = headers();
    h.set(WIRE.headers.correlationId, correlationId);
    let text: string;
    try {
      const msg = await peer.nc.request(peer.subject(rpc), JSON.stringify(parsed.data), { timeout: peer.timeoutMs, headers: h });
      text = msg.string();
    } catch (error) {
      const reason = unavailableReason(error);
      peer.log.warn({ rpc, reason, correlationId, timeoutMs: peer.timeoutMs }, peer.logs.requestFailed);
      throw new AppError(peer.unavailable.code, peer.unavailable.messages[reason], { cause: error });
    }
    const reply = spec.reply.safeParse(parseJson(text));
    if (!reply.success) {
      peer.log.error({ rpc, correlationId, problems: describeIssues(reply.error) }, peer.logs.replyInvalid);
      throw new AppError(peer.invalidReply.code, peer.invalidReply.message);
    }
    if (!reply.data.ok) {
      if (peer.isInternal(reply.data.error)) peer.log.error({ rpc, correlationId, peerError: reply.data.error }, peer.logs.failed);
      throw peer.refusal(reply.data.error);
    }
    return reply.data.data;
  };

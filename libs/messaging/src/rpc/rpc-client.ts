import { parse, WIRE } from '@app/contracts';
import type { Logger } from '@app/logging';
import { errors, headers, type NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';

/** A method as the caller sees it: the reply schema fixes the data and the refusal shape. */
export interface RpcCallSpec<Req extends z.ZodType, D, F> {
  name: string;
  request: Req;
  reply: z.ZodType<{ ok: true; data: D } | { ok: false; error: F }>;
}

/** Why no answer came: the timeout ran out, nobody is subscribed, or the connection is lost. */
export type RpcUnavailable = 'timeout' | 'no_responders' | 'connection';

export function unavailableReason(error: unknown): RpcUnavailable {
  if (error instanceof errors.TimeoutError) return 'timeout';
  if (error instanceof errors.RequestError && error.isNoResponders()) return 'no_responders';
  if (error instanceof errors.NoRespondersError) return 'no_responders';
  return 'connection';
}

/** One peer reached over NATS request/reply, and the errors its failures become (the caller's own error type). */
export interface RpcPeer<F> {
  nc: NatsConnection;
  subject: (name: string) => string;
  timeoutMs: number;
  log: Logger;
  /** A request our own contract refuses (a bug on our side): nothing is sent. */
  invalidRequest: (error: z.ZodError) => Error;
  /** No answer came. */
  unavailable: (reason: RpcUnavailable, cause: unknown) => Error;
  /** An answer that breaks the contract (not JSON, or the wrong shape). */
  invalidReply: () => Error;
  /** A refusal in the peer's own words, turned into ours. */
  refusal: (error: F) => Error;
  /** Refusals worth an error log (the peer failed inside). */
  isInternal: (error: F) => boolean;
  /** Fixed log messages of this peer's failures (searched for as they are). */
  logs: { requestFailed: string; replyInvalid: string; failed: string };
}

/**
 * A request to a peer over NATS request/reply. Every failure to get a usable answer is one of the peer's
 * errors, never a hang or a crash: no subscriber (NATS answers "no responders" at once), no answer within the
 * timeout and a lost connection are `unavailable`; an answer that breaks the contract is logged with what was
 * wrong. Requests are not retried here: a command may have been carried out before its answer was lost, and
 * only the caller can decide to repeat it.
 */
export const createRpcClient =
  <F>(peer: RpcPeer<F>) =>
  <Req extends z.ZodType, D>(spec: RpcCallSpec<Req, D, F>) =>
  async (request: z.input<Req>, correlationId: string): Promise<D> => {
    const rpc = spec.name;
    const checked = spec.request.safeParse(request);
    if (!checked.success) throw peer.invalidRequest(checked.error);
    const h = headers();
    h.set(WIRE.headers.correlationId, correlationId);
    let data: Uint8Array;
    try {
      data = (await peer.nc.request(peer.subject(rpc), JSON.stringify(checked.data), { timeout: peer.timeoutMs, headers: h })).data;
    } catch (error) {
      const reason = unavailableReason(error);
      peer.log.warn({ rpc, reason, correlationId, timeoutMs: peer.timeoutMs }, peer.logs.requestFailed);
      throw peer.unavailable(reason, error);
    }
    const reply = parse(spec.reply, data, { root: 'body' });
    if (!reply.ok) {
      peer.log.error({ rpc, correlationId, problems: reply.reason }, peer.logs.replyInvalid);
      throw peer.invalidReply();
    }
    if (!reply.value.ok) {
      if (peer.isInternal(reply.value.error)) peer.log.error({ rpc, correlationId, peerError: reply.value.error }, peer.logs.failed);
      throw peer.refusal(reply.value.error);
    }
    return reply.value.data;
  };

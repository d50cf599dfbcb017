import type { EngineRpcName, EngineRpcReply, EngineRpcRequest } from '@app/contracts';

/** What an engine query or command answers when it succeeds. */
type EngineData<N extends EngineRpcName> = Extract<EngineRpcReply<N>, { ok: true }>['data'];

/**
 * The conversation engine, as admin-api's use cases see it: one method per command or query. A refusal
 * (not_found, already_claimed, ...) and an unreachable engine both reject with an AppError.
 */
export type EngineGateway = {
  [N in EngineRpcName]: (request: EngineRpcRequest<N>, correlationId: string) => Promise<EngineData<N>>;
};

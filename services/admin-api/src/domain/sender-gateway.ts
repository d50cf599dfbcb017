import type { SenderRpcName, SenderRpcReply, SenderRpcRequest } from '@app/contracts';

/** What a whatsapp-sender query or command answers when it succeeds. */
export type SenderData<N extends SenderRpcName> = Extract<SenderRpcReply<N>, { ok: true }>['data'];

/**
 * whatsapp-sender's admin side (dead letters, queue status, resume), as admin-api's use cases see it. A
 * refusal and an unreachable sender both reject with an AppError.
 */
export type SenderGateway = {
  [N in SenderRpcName]: (request: SenderRpcRequest<N>, correlationId: string) => Promise<SenderData<N>>;
};

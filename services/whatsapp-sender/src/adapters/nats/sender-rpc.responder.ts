import { senderRpc, type Topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import { serveRpc, type NatsConnection, type RpcHandlers, type RpcServer } from '@app/messaging';

/** One use case per request name; each answers the contract's whole reply (`ok(...)` or `refuse(...)`). */
export type SenderRpcHandlers = RpcHandlers<typeof senderRpc>;

/**
 * admin-api's requests to the sender (libs/contracts admin/sender-rpc.ts), in a queue group: each request
 * is answered by one replica. An invalid request answers invalid_request; a failing use case answers
 * internal (logged), never silence, so admin-api can tell an error from a sender that is not running.
 */
export function startSenderRpc(opts: { nc: NatsConnection; names: Topology; handlers: SenderRpcHandlers; log: Logger }): RpcServer {
  return serveRpc({
    nc: opts.nc,
    subject: opts.names.senderRpcSubject,
    queue: opts.names.senderRpcQueueGroup,
    methods: senderRpc,
    handlers: opts.handlers,
    internalMessage: 'the sender could not answer',
    log: opts.log,
    logs: { rejected: 'sender rpc request rejected', failed: 'sender rpc failed', subscriptionFailed: 'sender rpc subscription error' },
  });
}

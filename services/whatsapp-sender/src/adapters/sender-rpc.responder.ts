import { senderRpc, WIRE, type SenderRpcName, type SenderTopology } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { NatsConnection } from '@app/messaging';
import type { z } from 'zod';
import type { RpcResult } from '../use-cases/rpc-result';

type RequestOf<N extends SenderRpcName> = z.output<(typeof senderRpc)[N]['request']>;

/** One use case per request name; each answers the contract's reply shape. */
export type SenderRpcHandlers = { [N in SenderRpcName]: (request: RequestOf<N>, log: Logger) => Promise<RpcResult<unknown>> };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * admin-api's requests to the sender (libs/contracts admin/sender-rpc.ts), in a queue group: each request
 * is answered by one replica. An invalid request answers invalid_request; a failing use case answers
 * internal (logged), never silence, so admin-api can tell an error from a sender that is not running.
 */
export function startSenderRpc(opts: { nc: NatsConnection; names: SenderTopology; handlers: SenderRpcHandlers; log: Logger }): { stop(): Promise<void> } {
  const subscriptions = (Object.keys(senderRpc) as SenderRpcName[]).map((name) => {
    const spec = senderRpc[name];
    const handler = opts.handlers[name] as (request: unknown, log: Logger) => Promise<RpcResult<unknown>>;
    return opts.nc.subscribe(opts.names.senderRpcSubject(spec.name), {
      queue: opts.names.rpcQueueGroup,
      callback: (error, msg) => {
        if (error) {
          opts.log.error({ err: error, rpc: spec.name }, 'sender rpc subscription error');
          return;
        }
        const correlationId = msg.headers?.get(WIRE.headers.correlationId) || undefined;
        const log = opts.log.child({ rpc: spec.name, correlationId });
        const answer = (reply: unknown) => {
          if (msg.reply) msg.respond(JSON.stringify(reply));
        };
        const parsed = spec.request.safeParse(parseJson(msg.string()));
        if (!parsed.success) {
          log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'sender rpc request rejected');
          answer({ ok: false, error: { code: 'invalid_request', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } });
          return;
        }
        handler(parsed.data, log).then(answer, (err: unknown) => {
          log.error({ err }, 'sender rpc failed');
          answer({ ok: false, error: { code: 'internal', message: 'the sender could not answer' } });
        });
      },
    });
  });
  return {
    async stop() {
      await Promise.all(subscriptions.map((s) => s.drain().catch(() => undefined)));
    },
  };
}

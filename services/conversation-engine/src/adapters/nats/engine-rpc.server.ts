import { engineRpc, upgradeLegacyEngineRequest, type EngineRpcName, type Topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import {
  serveRpc,
  type NatsConnection,
  type RpcContext,
  type RpcHandlers as ServedHandlers,
  type RpcLimits,
  type RpcServer,
} from '@app/messaging';
import type { z } from 'zod';
import { EngineCommandError } from '../../domain/engine-error';
import type { Changes } from '../../use-cases/shared/changes';

export type { RpcLimits, RpcServer };

type Spec<N extends EngineRpcName> = (typeof engineRpc)[N];
type ReplyData<N extends EngineRpcName> = Extract<z.infer<Spec<N>['reply']>, { ok: true }>['data'];

/** What a handler answers, and what its commit changed (for the live events published before the reply). */
interface Handled<D> {
  data: D;
  changes?: Changes;
}

export type RpcHandlers = {
  [N in EngineRpcName]: (request: z.output<Spec<N>['request']>, ctx: RpcContext) => Promise<Handled<ReplyData<N>>>;
};

type AnyHandler = (request: unknown, ctx: RpcContext) => Promise<Handled<unknown>>;

/**
 * admin-api's commands and queries over NATS request/reply (serveRpc), one subject each, in a queue group so
 * engine replicas share them. Each request is handled completely (committed, live events published) and only
 * then answered; a refusal (EngineCommandError) is answered with its code, anything else `internal`.
 *
 * Requests share the replica's Postgres pool with the consumers, so at most `concurrency` are handled at
 * once (below the pool size: a burst of admin clicks cannot take every connection the student traffic
 * needs). A few more wait their turn, in arrival order; beyond that, or after waiting `maxQueueWaitMs` (by
 * then admin-api has likely stopped waiting), a request is answered `busy` without being handled, which
 * admin-api turns into a 503. Another replica of the queue group takes the next one.
 */
export function startEngineRpcServer(deps: {
  nc: NatsConnection;
  topology: Topology;
  handlers: RpcHandlers;
  afterCommit: (changes: Changes) => Promise<void>;
  log: Logger;
  limits: RpcLimits;
}): RpcServer {
  const handlers = Object.fromEntries(
    (Object.keys(engineRpc) as EngineRpcName[]).map((name) => {
      const handler = deps.handlers[name] as AnyHandler;
      return [
        name,
        async (request: unknown, ctx: RpcContext) => {
          const { data, changes } = await handler(request, ctx);
          if (changes) await deps.afterCommit(changes);
          return { ok: true, data };
        },
      ];
    }),
  ) as ServedHandlers<typeof engineRpc>;
  return serveRpc({
    nc: deps.nc,
    subject: deps.topology.engineRpcSubject,
    queue: deps.topology.engineRpcQueueGroup,
    methods: engineRpc,
    handlers,
    // An admin-api older than business-scoped user ids names the student `phone_number` (mid-rollout).
    upgradeRequest: upgradeLegacyEngineRequest,
    refusal: (error) => (error instanceof EngineCommandError ? { code: error.code, message: error.message } : undefined),
    internalMessage: 'the conversation engine failed; see its logs',
    busyMessage: 'the conversation engine is busy; try again shortly',
    limits: deps.limits,
    log: deps.log,
    logs: {
      rejected: 'engine request rejected: invalid',
      handled: 'engine request handled',
      refused: 'engine request refused',
      failed: 'engine request failed',
      replyInvalid: 'engine reply breaks the contract',
      busy: 'engine request refused: busy',
      subscriptionFailed: 'engine request subscription failed',
    },
  });
}

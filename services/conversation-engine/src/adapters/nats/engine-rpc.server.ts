import { randomUUID } from 'node:crypto';
import { ENGINE_RPC_QUEUE_GROUP, engineRpc, upgradeLegacyEngineRequest, WIRE, type EngineErrorCode, type EngineRpcName, type Topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { NatsConnection } from '@app/messaging';
import type { Msg } from '@nats-io/transport-node';
import type { z } from 'zod';
import { EngineCommandError } from '../../domain/engine-error';
import type { Changes } from '../../use-cases/changes';

type Spec<N extends EngineRpcName> = (typeof engineRpc)[N];
type ReplyData<N extends EngineRpcName> = Extract<z.infer<Spec<N>['reply']>, { ok: true }>['data'];

/** What a handler answers, and what its commit changed (for the live events published before the reply). */
export interface Handled<D> {
  data: D;
  changes?: Changes;
}

export type RpcHandlers = {
  [N in EngineRpcName]: (request: z.output<Spec<N>['request']>, ctx: { correlationId: string; log: Logger }) => Promise<Handled<ReplyData<N>>>;
};

export interface RpcLimits {
  /** Requests handled at once. */
  concurrency: number;
  /** Requests waiting for a turn; more are answered busy at once. Default 4 × concurrency. */
  maxQueued?: number;
  /** A request that waited longer is answered busy instead of handled. Default 2 s (admin-api waits 5 s). */
  maxQueueWaitMs?: number;
}

export interface RpcServer {
  /** Stops taking requests (drains the subscriptions), then waits for those in hand to be answered. */
  stop(): Promise<void>;
}

const describeIssues = (error: z.ZodError) =>
  error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'request'}: ${i.message}`)
    .join('; ');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * admin-api's commands and queries over NATS request/reply, one subject each, in a queue group so engine
 * replicas share them. Every request is parsed with its contract schema (invalid_request otherwise), handled
 * completely (committed, live events published) and only then answered, with a reply checked against the
 * contract. Refusals are answered with their code; anything unexpected is logged and answered `internal`
 * without detail.
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
  const { nc, topology, handlers, afterCommit } = deps;
  const { concurrency, maxQueued = 4 * concurrency, maxQueueWaitMs = 2_000 } = deps.limits;
  const inFlight = new Set<Promise<void>>();
  const waiting: { name: EngineRpcName; msg: Msg; queuedAt: number }[] = [];
  const answer = (msg: Msg, reply: unknown) => void msg.respond(JSON.stringify(reply));
  const refuse = (msg: Msg, code: EngineErrorCode, message: string) => answer(msg, { ok: false, error: { code, message } });

  async function handle<N extends EngineRpcName>(name: N, msg: Msg): Promise<void> {
    const spec = engineRpc[name];
    const correlationId = msg.headers?.get(WIRE.headers.correlationId) || randomUUID();
    const log = deps.log.child({ rpc: spec.name, correlationId });
    // An admin-api older than business-scoped user ids names the student `phone_number` (mid-rollout).
    const parsed = spec.request.safeParse(upgradeLegacyEngineRequest(parseJson(msg.string())));
    if (!parsed.success) {
      log.warn({ problems: describeIssues(parsed.error) }, 'engine request rejected: invalid');
      return refuse(msg, 'invalid_request', describeIssues(parsed.error));
    }
    try {
      const handler = handlers[name] as (request: unknown, ctx: { correlationId: string; log: Logger }) => Promise<Handled<unknown>>;
      const { data, changes } = await handler(parsed.data, { correlationId, log });
      if (changes) await afterCommit(changes);
      const reply = spec.reply.safeParse({ ok: true, data });
      if (!reply.success) {
        log.error({ problems: describeIssues(reply.error) }, 'engine reply breaks the contract');
        return refuse(msg, 'internal', 'the conversation engine failed; see its logs');
      }
      log.info('engine request handled');
      answer(msg, reply.data);
    } catch (error) {
      if (error instanceof EngineCommandError) {
        log.info({ code: error.code }, 'engine request refused');
        return refuse(msg, error.code, error.message);
      }
      log.error({ err: error }, 'engine request failed');
      refuse(msg, 'internal', 'the conversation engine failed; see its logs');
    }
  }

  const subscriptions = (Object.keys(engineRpc) as EngineRpcName[]).map((name) =>
    nc.subscribe(topology.engineRpcSubject(engineRpc[name].name), {
      queue: ENGINE_RPC_QUEUE_GROUP,
      callback: (error, msg) => {
        if (error) {
          deps.log.error({ err: error, rpc: name }, 'engine request subscription failed');
          return;
        }
        admit(name, msg);
      },
    }),
  );

  function busy(name: EngineRpcName, msg: Msg, why: 'queue_full' | 'waited_too_long') {
    deps.log.warn({ rpc: engineRpc[name].name, why, inFlight: inFlight.size, queued: waiting.length }, 'engine request refused: busy');
    refuse(msg, 'busy', 'the conversation engine is busy; try again shortly');
  }

  function run(name: EngineRpcName, msg: Msg) {
    const work: Promise<void> = handle(name, msg).finally(() => {
      inFlight.delete(work);
      next();
    });
    inFlight.add(work);
  }

  function next() {
    while (inFlight.size < concurrency) {
      const turn = waiting.shift();
      if (!turn) return;
      if (Date.now() - turn.queuedAt > maxQueueWaitMs) busy(turn.name, turn.msg, 'waited_too_long');
      else run(turn.name, turn.msg);
    }
  }

  function admit(name: EngineRpcName, msg: Msg) {
    if (inFlight.size < concurrency && waiting.length === 0) return run(name, msg);
    if (waiting.length >= maxQueued) return busy(name, msg, 'queue_full');
    waiting.push({ name, msg, queuedAt: Date.now() });
  }

  return {
    async stop() {
      await Promise.all(subscriptions.map((s) => s.drain()));
      // What was received is answered, queued requests included: each one finishing starts the next.
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

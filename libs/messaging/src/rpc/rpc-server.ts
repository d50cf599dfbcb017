import { randomUUID } from 'node:crypto';
import { describeIssues, parse, WIRE } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { Msg, NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';
import { createAdmission, type RpcLimits } from './admission';

/** One request/reply method of a contract (engineRpc.x, senderRpc.x): its wire name and both schemas. */
export interface RpcMethod {
  name: string;
  request: z.ZodType;
  reply: z.ZodType;
}

export interface RpcContext {
  /** The caller's x-correlation-id, or a new one. */
  correlationId: string;
  /** Child logger with `rpc` and `correlationId`. */
  log: Logger;
}

/** Answers the method's whole reply (`{ ok: true, data }` or `{ ok: false, error }`); it is checked against the contract. */
export type RpcHandlers<M extends Record<string, RpcMethod>> = {
  [N in keyof M]: (request: z.output<M[N]['request']>, ctx: RpcContext) => Promise<z.input<M[N]['reply']>>;
};

export interface RpcRefusal {
  code: string;
  message: string;
}

/** Fixed log messages (searched for as they are); the defaults name no service. */
export interface RpcServerLogs {
  rejected: string;
  handled: string;
  refused: string;
  failed: string;
  replyInvalid: string;
  busy: string;
  subscriptionFailed: string;
  stopTimedOut: string;
}

const defaultLogs: RpcServerLogs = {
  rejected: 'rpc request rejected: invalid',
  handled: 'rpc request handled',
  refused: 'rpc request refused',
  failed: 'rpc request failed',
  replyInvalid: 'rpc reply breaks the contract',
  busy: 'rpc request refused: busy',
  subscriptionFailed: 'rpc subscription failed',
  stopTimedOut: 'rpc requests still in flight at stop; not waiting longer',
};

export interface ServeRpcOptions<M extends Record<string, RpcMethod>> {
  nc: NatsConnection;
  /** The wire subject of a method name (topology(ns).engineRpcSubject). */
  subject: (name: string) => string;
  /** Replicas in one queue group share the requests: each is answered by one of them. */
  queue: string;
  methods: M;
  handlers: RpcHandlers<NoInfer<M>>;
  log: Logger;
  /** A thrown error the service means as an answer (a refusal with its code), or undefined for a failure. */
  refusal?: (error: unknown) => RpcRefusal | undefined;
  /** Said, with code `internal`, when a handler failed or its reply broke the contract; details stay in the log. */
  internalMessage: string;
  /** Rewrites a request's JSON before its schema reads it (an older caller's shape, mid-rollout). */
  upgradeRequest?: (json: unknown) => unknown;
  /** Without `concurrency`, every request is handled at once. */
  limits?: RpcLimits;
  /** Said, with code `busy`, to a request turned away by `limits`. */
  busyMessage?: string;
  /** How long stop() waits for requests in hand before it gives up on them. Default 10 s. */
  stopTimeoutMs?: number;
  logs?: Partial<RpcServerLogs>;
}

export interface RpcServer {
  /** Stops taking requests (drains the subscriptions), then waits (bounded) for those in hand to be answered. */
  stop(): Promise<void>;
}

type Handler = (request: unknown, ctx: RpcContext) => Promise<unknown>;

interface Request {
  method: RpcMethod;
  handler: Handler;
  msg: Msg;
}

/**
 * A contract's methods over NATS request/reply, one subject each, in a queue group. Every request is parsed
 * with its schema (invalid_request otherwise), handled completely and only then answered, with a reply
 * checked against the contract. A refusal is answered with its code; anything unexpected is logged and
 * answered `internal` without detail, never silence, so the caller can tell an error from a peer that is not
 * running. The JSON on the wire is `{ ok: true, data }` or `{ ok: false, error: { code, message } }`.
 */
export function serveRpc<M extends Record<string, RpcMethod>>(opts: ServeRpcOptions<M>): RpcServer {
  const { nc, methods, log: baseLog } = opts;
  const logs = { ...defaultLogs, ...opts.logs };
  const answer = (msg: Msg, reply: unknown) => {
    if (msg.reply) msg.respond(JSON.stringify(reply));
  };
  const refuse = (msg: Msg, code: string, message: string) => answer(msg, { ok: false, error: { code, message } });
  const handlers = opts.handlers as Record<string, Handler>;

  async function handle({ method, handler, msg }: Request): Promise<void> {
    const correlationId = msg.headers?.get(WIRE.headers.correlationId) || randomUUID();
    const log = baseLog.child({ rpc: method.name, correlationId });
    const parsed = parse(method.request, msg.data, { root: 'request', maxIssues: 5, upgrade: opts.upgradeRequest });
    if (!parsed.ok) {
      log.warn({ problems: parsed.reason }, logs.rejected);
      return refuse(msg, 'invalid_request', parsed.reason);
    }
    try {
      const result = method.reply.safeParse(await handler(parsed.value, { correlationId, log }));
      if (!result.success) {
        log.error({ problems: describeIssues(result.error, 'reply', 5) }, logs.replyInvalid);
        return refuse(msg, 'internal', opts.internalMessage);
      }
      log.info(logs.handled);
      answer(msg, result.data);
    } catch (error) {
      const refusal = opts.refusal?.(error);
      if (refusal) {
        log.info({ code: refusal.code }, logs.refused);
        return refuse(msg, refusal.code, refusal.message);
      }
      log.error({ err: error }, logs.failed);
      refuse(msg, 'internal', opts.internalMessage);
    }
  }

  // handle() answers every failure itself; this only keeps a bug in it from becoming an unhandled rejection.
  const run = (request: Request) => handle(request).catch((err: unknown) => baseLog.error({ err, rpc: request.method.name }, logs.failed));
  const admission = createAdmission<Request>(opts.limits ?? {}, run, ({ method, msg }, why) => {
    baseLog.warn({ rpc: method.name, why, inFlight: admission.inFlight, queued: admission.queued }, logs.busy);
    refuse(msg, 'busy', opts.busyMessage ?? 'busy; try again shortly');
  });

  const subscriptions = Object.entries(methods).map(([key, method]) => {
    const handler = handlers[key];
    if (!handler) throw new Error(`no handler for rpc ${method.name}`);
    return nc.subscribe(opts.subject(method.name), {
      queue: opts.queue,
      callback: (error, msg) => {
        if (error) return baseLog.error({ err: error, rpc: method.name }, logs.subscriptionFailed);
        admission.admit({ method, handler, msg });
      },
    });
  });

  return {
    async stop() {
      // A subscription that cannot drain (connection already closed) must not keep the others from stopping.
      await Promise.all(subscriptions.map((s) => s.drain().catch((err: unknown) => baseLog.warn({ err }, logs.subscriptionFailed))));
      // What was received is answered, queued requests included: each one finishing starts the next.
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), opts.stopTimeoutMs ?? 10_000);
      });
      const ended = await Promise.race([admission.idle().then(() => 'idle' as const), timedOut]);
      clearTimeout(timer);
      if (ended === 'timeout') baseLog.warn({ inFlight: admission.inFlight, queued: admission.queued }, logs.stopTimedOut);
    },
  };
}

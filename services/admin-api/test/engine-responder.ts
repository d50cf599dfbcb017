import { engineRpc, parse, topology, type ConversationView, type EngineRpcName } from '@app/contracts';
import { connectNats, type NatsConnection } from '@app/messaging';
import { testInfra } from '@app/testing';
import type { Logger } from '@app/logging';
import { afterAll, beforeAll } from 'vitest';
import type { z } from 'zod';
import type { RunningAdminApi } from '../src/admin-api';
import { createTestSchema, silentLog, startTestApi, type TestSchema } from './harness';

/*
 * Stands in for the conversation engine's request/reply side, which is built separately: it answers the
 * engine subjects of one namespace like the engine will, through the contract's schemas. Requests that the
 * request schema refuses are answered invalid_request (and recorded), so a test sees what admin-api sent.
 * Unlike the engine it does not read requests through upgradeLegacyEngineRequest: that shim serves admin-api
 * releases older than `student`, and this admin-api must send `student` itself, so a `phone_number` from it
 * is recorded as invalid.
 */

type Spec = (typeof engineRpc)[EngineRpcName];
type RequestOf<N extends EngineRpcName> = z.output<(typeof engineRpc)[N]['request']>;
type ReplyOf<N extends EngineRpcName> = z.input<(typeof engineRpc)[N]['reply']>;

/** A reply, raw text that breaks the contract, or no answer at all (a hung engine). */
type Answer<N extends EngineRpcName> = ReplyOf<N> | { raw: string } | 'silent';

export interface ReceivedRequest {
  name: string;
  body: unknown;
  valid: boolean;
  correlationId: string | undefined;
}

export interface EngineResponder {
  received: ReceivedRequest[];
  /**
   * Answers `name` from now on, instead of any earlier answer to it (two subscribers in the queue group would
   * split the requests between them). Resolves once the server has the subscription, so the next request
   * cannot meet "no responders".
   */
  answer<N extends EngineRpcName>(name: N, reply: (request: RequestOf<N>) => Answer<N>): Promise<void>;
  close(): Promise<void>;
}

function serve(
  nc: NatsConnection,
  namespace: string,
  name: EngineRpcName,
  spec: Spec,
  received: ReceivedRequest[],
  reply: (request: unknown) => unknown,
) {
  const names = topology(namespace);
  return nc.subscribe(names.engineRpcSubject(spec.name), {
    queue: names.engineRpcQueueGroup,
    callback: (_error, msg) => {
      const parsed = parse(spec.request, msg.data, { root: 'request' });
      received.push({ name, body: parsed.json, valid: parsed.ok, correlationId: msg.headers?.get('x-correlation-id') });
      if (!parsed.ok) {
        msg.respond(JSON.stringify({ ok: false, error: { code: 'invalid_request', message: parsed.reason } }));
        return;
      }
      const answer = reply(parsed.value);
      if (answer === 'silent') return;
      if (typeof answer === 'object' && answer !== null && 'raw' in answer) msg.respond(String(answer.raw));
      // Parsed on the way out too: the stand-in may only say what the real engine is allowed to say.
      else msg.respond(JSON.stringify(spec.reply.parse(answer)));
    },
  });
}

export async function startEngineResponder(namespace: string): Promise<EngineResponder> {
  const nc = await connectNats(testInfra.natsUrl, 'engine-responder', silentLog);
  const received: ReceivedRequest[] = [];
  const answering = new Map<EngineRpcName, ReturnType<NatsConnection['subscribe']>>();
  return {
    received,
    async answer(name, reply) {
      answering.get(name)?.unsubscribe();
      answering.set(
        name,
        serve(nc, namespace, name, engineRpc[name], received, (request) => reply(request as RequestOf<typeof name>)),
      );
      await nc.flush();
    },
    async close() {
      await nc.drain();
    },
  };
}

/**
 * Whether `student` (a request's phone digits or business-scoped user id) names this conversation, as the
 * engine finds a student by either once it knows both.
 */
export const namesStudent = (conversation: Pick<ConversationView, 'phone_number' | 'user_id'>, student: string): boolean =>
  conversation.phone_number === student || conversation.user_id === student;

/**
 * For the whole test file: an admin-api schema of its own, admin-api started on it (with `opts.env` and
 * `opts.log`) and the engine stand-in in its namespace, handed to `ready` before the file's own beforeAll runs;
 * all three closed after the file.
 */
export function useApiWithEngine(
  ready: (world: { t: TestSchema; api: RunningAdminApi; engine: EngineResponder }) => void,
  opts: { env?: Record<string, string>; log?: Logger } = {},
) {
  let t: TestSchema | undefined;
  let api: RunningAdminApi | undefined;
  let engine: EngineResponder | undefined;
  beforeAll(async () => {
    t = await createTestSchema();
    api = await startTestApi(t.namespace, opts.env, opts.log);
    engine = await startEngineResponder(t.namespace);
    ready({ t, api, engine });
  });
  afterAll(async () => {
    await engine?.close();
    await api?.stop();
    await t?.drop();
  });
}

import { randomUUID } from 'node:crypto';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import {
  engineEventSchema,
  engineRpc,
  WIRE,
  type Actor,
  type EngineEvent,
  type EngineRpcName,
  type EngineRpcReply,
  type EngineRpcRequest,
  type Topology,
} from '@app/contracts';
import { testInfra } from '@app/testing';

export const MARY: Actor = { id: 'admin-mary', name: 'Mary Jones', role: 'admin' };
export const JOHN: Actor = { id: 'agent-john', name: 'John Smith', role: 'agent' };

type Data<N extends EngineRpcName> = Extract<EngineRpcReply<N>, { ok: true }>['data'];

/**
 * admin-api as the engine sees it: requests on the engine's RPC subjects, parsed with the contract's request
 * schema first and sent with the correlation id header, exactly as admin-api's engine client does; replies
 * parsed with the contract's reply schema. Also every live event of the namespace, each checked against the
 * contract (those that break it are kept apart, and a test can assert there are none).
 */
export async function adminRpc(t: Topology) {
  const nc: NatsConnection = await connect({ servers: testInfra.natsUrl });
  const events: EngineEvent[] = [];
  const invalidEvents: unknown[] = [];
  nc.subscribe(t.engineEventsSubject('>'), {
    callback: (_error, msg) => {
      const parsed = engineEventSchema.safeParse(JSON.parse(msg.string()));
      if (parsed.success && msg.subject === t.engineEventsSubject(parsed.data.event)) events.push(parsed.data);
      else invalidEvents.push({ subject: msg.subject, body: msg.string() });
    },
  });
  await nc.flush();

  async function raw(name: string, body: unknown): Promise<unknown> {
    const h = headers();
    h.set(WIRE.headers.correlationId, `test-${randomUUID()}`);
    const msg = await nc.request(t.engineRpcSubject(name), typeof body === 'string' ? body : JSON.stringify(body), {
      timeout: 15_000,
      headers: h,
    });
    return JSON.parse(msg.string());
  }

  async function call<N extends EngineRpcName>(name: N, request: EngineRpcRequest<N>): Promise<EngineRpcReply<N>> {
    const spec = engineRpc[name];
    const body = spec.request.parse(request);
    return spec.reply.parse(await raw(spec.name, body)) as EngineRpcReply<N>;
  }

  return {
    events,
    invalidEvents,
    raw,
    call,
    async ok<N extends EngineRpcName>(name: N, request: EngineRpcRequest<N>): Promise<Data<N>> {
      const reply = await call(name, request);
      if (!reply.ok) throw new Error(`${name} refused: ${reply.error.code} (${reply.error.message})`);
      return reply.data as Data<N>;
    },
    async refusal<N extends EngineRpcName>(name: N, request: EngineRpcRequest<N>) {
      const reply = await call(name, request);
      if (reply.ok) throw new Error(`${name} was expected to be refused`);
      return reply.error;
    },
    eventsFor: (phone: string) => events.filter((e) => e.phone_number === phone),
    close: () => nc.close(),
  };
}

export type AdminRpc = Awaited<ReturnType<typeof adminRpc>>;

export const correlationId = () => `test-${randomUUID()}`;

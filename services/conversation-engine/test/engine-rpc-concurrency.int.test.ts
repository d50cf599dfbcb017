import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { engineRpc, topology, WIRE, type Topology } from '@app/contracts';
import { newNamespace, pollUntil, testInfra } from '@app/testing';
import { EngineCommandError } from '../src/domain/engine-error';
import { startEngineRpcServer, type RpcHandlers, type RpcLimits, type RpcServer } from '../src/adapters/nats/engine-rpc.server';
import { silentLog } from './engine-harness';
import { MARY } from './admin-rpc';

/**
 * A handler that holds every request until the test opens the gate, counting how many it holds at once:
 * what a slow query on a busy pool looks like from the RPC server.
 */
function gatedHandlers() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const state = { running: 0, mostAtOnce: 0, handled: 0 };
  const refuseAll = Object.fromEntries(
    Object.keys(engineRpc).map((name) => [
      name,
      async () => {
        throw new EngineCommandError('not_found', 'not served in this test');
      },
    ]),
  ) as unknown as RpcHandlers;
  const handlers: RpcHandlers = {
    ...refuseAll,
    listParkedEvents: async () => {
      state.running++;
      state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
      await gate;
      state.running--;
      state.handled++;
      return { data: { items: [], next_cursor: null } };
    },
  };
  return { handlers, state, open };
}

describe('the engine RPC server under load', () => {
  let nc: NatsConnection;
  let t: Topology;
  let server: RpcServer | undefined;
  beforeEach(async () => {
    nc = await connect({ servers: testInfra.natsUrl });
    t = topology(newNamespace());
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await nc.close();
  });

  async function serve(limits: RpcLimits) {
    const gated = gatedHandlers();
    server = startEngineRpcServer({
      nc,
      topology: t,
      handlers: gated.handlers,
      afterCommit: async () => undefined,
      log: silentLog,
      limits,
    });
    await nc.flush();
    return gated;
  }

  const replies: { ok: boolean; code?: string }[] = [];
  async function request(): Promise<{ ok: boolean; code?: string }> {
    const h = headers();
    h.set(WIRE.headers.correlationId, `test-${randomUUID()}`);
    const msg = await nc.request(t.engineRpcSubject(engineRpc.listParkedEvents.name), JSON.stringify({ actor: MARY }), {
      timeout: 20_000,
      headers: h,
    });
    const reply = engineRpc.listParkedEvents.reply.parse(JSON.parse(msg.string()));
    const summary = reply.ok ? { ok: true } : { ok: false, code: reply.error.code };
    replies.push(summary);
    return summary;
  }
  beforeEach(() => void replies.splice(0));

  it('handles at most `concurrency` requests at once, queues a few and answers the rest busy', async () => {
    const gated = await serve({ concurrency: 2, maxQueued: 3, maxQueueWaitMs: 60_000 });

    const all = Promise.all(Array.from({ length: 9 }, () => request()));
    // 2 in hand, 3 waiting: the other 4 are refused at once, while the gate is still shut.
    await pollUntil(() => replies.length === 4, { message: 'busy answers', timeoutMs: 10_000 });
    expect(replies.every((r) => r.code === 'busy')).toBe(true);
    expect(gated.state.running).toBe(2);

    gated.open();
    const answered = await all;
    expect(answered.filter((r) => r.ok)).toHaveLength(5);
    expect(answered.filter((r) => r.code === 'busy')).toHaveLength(4);
    expect(gated.state.handled).toBe(5);
    expect(gated.state.mostAtOnce).toBe(2);
  });

  it('answers busy, without handling it, a request that waited for its turn longer than allowed', async () => {
    const gated = await serve({ concurrency: 1, maxQueued: 10, maxQueueWaitMs: 1 });
    const first = request();
    await pollUntil(() => gated.state.running === 1, { message: 'first request in hand' });
    const second = request();
    // The server shares this connection: once the flush returns, the second request is in its queue.
    await nc.flush();
    const queuedBy = Date.now();
    await pollUntil(() => Date.now() - queuedBy > 5, { message: 'second request queued longer than allowed' });
    expect(replies).toEqual([]);

    gated.open();
    expect(await first).toEqual({ ok: true });
    expect(await second).toEqual({ ok: false, code: 'busy' });
    expect(gated.state.handled).toBe(1);
  });

  it('answers the queued requests too when it stops', async () => {
    const gated = await serve({ concurrency: 1, maxQueued: 5, maxQueueWaitMs: 60_000 });
    const all = Promise.all(Array.from({ length: 4 }, () => request()));
    await pollUntil(() => gated.state.running === 1, { message: 'first request in hand' });
    // Every request reached the server (none answered, one in hand, three queued) before it is told to stop.
    await nc.flush();
    const stopped = server!.stop();
    server = undefined;
    gated.open();
    await stopped;
    expect(await all).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: true }]);
    expect(gated.state.mostAtOnce).toBe(1);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '@app/logging';
import { testInfra } from '@app/testing';
import { connectNats, createRpcClient, serveRpc, type NatsConnection, type RpcServer } from '../src/index';

const log = createLogger({ service: 'rpc-test', level: 'silent' });
const errorSchema = z.object({ code: z.string(), message: z.string() });
const replyOf = <D extends z.ZodType>(data: D) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: errorSchema })]);
const methods = {
  greet: { name: 'greet', request: z.object({ name: z.string() }), reply: replyOf(z.object({ greeting: z.string() })) },
  slow: { name: 'slow', request: z.object({ ms: z.number() }), reply: replyOf(z.object({ waited: z.number() })) },
};

class PeerError extends Error {
  constructor(
    readonly kind: string,
    readonly detail?: unknown,
  ) {
    super(kind);
  }
}

let nc: NatsConnection;
const servers: RpcServer[] = [];
beforeAll(async () => {
  nc = await connectNats(testInfra.natsUrl, 'rpc-test', log);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await nc.drain();
});

/** Every test its own subject prefix, so no two tests (or runs) meet on the server. */
function start(stopTimeoutMs?: number) {
  const prefix = `test-${randomUUID()}`;
  const subject = (name: string) => `${prefix}.rpc.${name}`;
  const started: number[] = [];
  const finished: number[] = [];
  const server = serveRpc({
    nc,
    subject,
    queue: 'rpc-test',
    methods,
    handlers: {
      greet: async ({ name }) => ({ ok: true as const, data: { greeting: `hello ${name}` } }),
      slow: async ({ ms }) => {
        started.push(ms);
        await new Promise((resolve) => setTimeout(resolve, ms));
        finished.push(ms);
        return { ok: true as const, data: { waited: ms } };
      },
    },
    internalMessage: 'failed',
    log,
    stopTimeoutMs,
  });
  servers.push(server);
  const call = createRpcClient<z.infer<typeof errorSchema>>({
    nc,
    subject,
    timeoutMs: 500,
    log,
    invalidRequest: (e) => new PeerError('invalid_request', e),
    unavailable: (reason) => new PeerError(`unavailable:${reason}`),
    invalidReply: () => new PeerError('invalid_reply'),
    refusal: (error) => new PeerError(`refused:${error.code}`, error),
    isInternal: (error) => error.code === 'internal',
    logs: { requestFailed: 'request failed', replyInvalid: 'reply invalid', failed: 'peer failed' },
  });
  return { subject, server, call, started, finished };
}

describe('serveRpc and createRpcClient', () => {
  it('answers a valid request with the handler reply', async () => {
    const { call } = start();
    await nc.flush();
    await expect(call(methods.greet)({ name: 'ada' }, randomUUID())).resolves.toEqual({ greeting: 'hello ada' });
  });

  it('answers invalid_request, naming the problem, for a request its schema refuses', async () => {
    const { subject } = start();
    await nc.flush();
    const reply = await nc.request(subject('greet'), JSON.stringify({ name: 3 }), { timeout: 1_000 });
    expect(reply.json()).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'name: Invalid input: expected string, received number' },
    });
    const notJson = await nc.request(subject('greet'), 'nope', { timeout: 1_000 });
    expect(notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/^not JSON: /) } });
  });

  it('waits on stop for a request in hand and answers it', async () => {
    const { call, server, started, finished } = start();
    await nc.flush();
    const pending = call(methods.slow)({ ms: 300 }, randomUUID());
    await expect.poll(() => started).toEqual([300]);
    await server.stop();
    expect(finished).toEqual([300]);
    await expect(pending).resolves.toEqual({ waited: 300 });
  });

  it('stops waiting for a request in hand after stopTimeoutMs', async () => {
    const { call, server, started, finished } = start(100);
    await nc.flush();
    const pending = call(methods.slow)({ ms: 400 }, randomUUID()).catch((e: unknown) => e);
    await expect.poll(() => started).toEqual([400]);
    await server.stop();
    expect(finished).toEqual([]);
    await pending;
  });

  it('makes a missed timeout the peer being unavailable', async () => {
    const { call } = start();
    await nc.flush();
    await expect(call(methods.slow)({ ms: 900 }, randomUUID())).rejects.toMatchObject({ kind: 'unavailable:timeout' });
  });

  it('tells nobody listening apart from a timeout', async () => {
    const call = createRpcClient<z.infer<typeof errorSchema>>({
      nc,
      subject: (name) => `test-${randomUUID()}.rpc.${name}`,
      timeoutMs: 500,
      log,
      invalidRequest: (e) => new PeerError('invalid_request', e),
      unavailable: (reason) => new PeerError(`unavailable:${reason}`),
      invalidReply: () => new PeerError('invalid_reply'),
      refusal: (error) => new PeerError(`refused:${error.code}`),
      isInternal: () => false,
      logs: { requestFailed: 'request failed', replyInvalid: 'reply invalid', failed: 'peer failed' },
    });
    await expect(call(methods.greet)({ name: 'x' }, randomUUID())).rejects.toMatchObject({ kind: 'unavailable:no_responders' });
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { topology } from '@app/contracts';
import { createLogger } from '@app/logging';
import { buildInboundWebhook, buildTextMessage, newNamespace, pollUntil, postWebhook, testInfra } from '@app/testing';
import { readGatewayConfig } from '../src/config';
import { startGateway, type RunningGateway } from '../src/gateway';

const log = createLogger({ service: 'test', level: 'silent' });
const APP_SECRET = 'test-app-secret';

describe('webhook-gateway when its stream is lost at runtime', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let gateway: RunningGateway;
  let t: ReturnType<typeof topology>;
  let blocker: string;

  beforeAll(async () => {
    nc = await connect({ servers: testInfra.natsUrl });
    jsm = await jetstreamManager(nc);
  });
  afterEach(async () => {
    await gateway.stop();
    for (const name of [t.inboundStream, blocker]) await jsm.streams.delete(name).catch(() => undefined);
  });
  afterAll(async () => {
    await nc.close();
  });

  async function start() {
    const namespace = newNamespace();
    t = topology(namespace);
    blocker = `${namespace}_BLOCKER`;
    const config = readGatewayConfig({
      NAMESPACE: namespace,
      NATS_URL: testInfra.natsUrl,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'v',
      WEBHOOK_GATEWAY_PORT: '0',
    });
    gateway = await startGateway(config, log);
  }
  const readiness = async () => {
    const res = await fetch(`${gateway.url}/readyz`);
    return { status: res.status, body: (await res.json()) as { down: string[] } };
  };
  const stored = async () => (await jsm.streams.info(t.inboundStream)).state.messages;

  it('re-creates a deleted stream on the next webhook: Meta retrying gets 200 and the event is stored once', async () => {
    await start();
    await jsm.streams.delete(t.inboundStream);
    const payload = buildInboundWebhook({ messages: [buildTextMessage()] });
    // Until the stream is back a webhook is a 503 and Meta sends it again: the same wamid, stored once.
    const statuses: number[] = [];
    await pollUntil(
      async () => {
        const response = await postWebhook(gateway.url, payload, APP_SECRET);
        statuses.push(response.status);
        return response.status === 200;
      },
      { message: 'a webhook accepted again', intervalMs: 200, timeoutMs: 20_000 },
    );
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(await stored()).toBe(1);
    expect((await jsm.streams.info(t.inboundStream)).config.subjects).toEqual([t.inboundStreamSubjects]);
    expect((await readiness()).status).toBe(200);
  });

  it('answers /readyz 503 naming the stream while it cannot be re-created, and 200 once it is back', async () => {
    await start();
    // Another stream holding the subjects keeps the gateway from re-creating INBOUND until it is deleted.
    await jsm.streams.update(t.inboundStream, { subjects: [`${t.namespace}.moved.>`] });
    await jsm.streams.add({ name: blocker, subjects: [t.inboundStreamSubjects] });
    await jsm.streams.delete(t.inboundStream);

    const down = await pollUntil(
      async () => {
        const r = await readiness();
        return r.status === 503 ? r : undefined;
      },
      { message: '/readyz 503', timeoutMs: 20_000 },
    );
    expect(down.body.down).toEqual(['nats_stream']);

    await jsm.streams.delete(blocker);
    await pollUntil(async () => (await readiness()).status === 200, { message: '/readyz 200', timeoutMs: 20_000 });
    const response = await postWebhook(gateway.url, buildInboundWebhook({ messages: [buildTextMessage()] }), APP_SECRET);
    expect(response.status).toBe(200);
    expect(await stored()).toBe(1);
  });
});

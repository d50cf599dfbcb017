import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { inboundEchoReceivedV1, inboundMessageReceivedV1, inboundStatusReceivedV1, partitionOf, topology } from '@app/contracts';
import { createLogger } from '@app/logging';
import {
  buildCoexistenceWebhook,
  buildInboundWebhook,
  buildMessageEcho,
  buildStatus,
  buildTextMessage,
  newBsuid,
  newNamespace,
  newPhone,
  postWebhook,
  signPayload,
  startTcpProxy,
  testInfra,
  type TcpProxy,
} from '@app/testing';
import { readGatewayConfig } from '../src/config';
import { startGateway, type RunningGateway } from '../src/gateway';

const log = createLogger({ service: 'test', level: 'silent' });
const APP_SECRET = 'test-app-secret';

describe('webhook-gateway', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const started: { gateway: RunningGateway; namespace: string }[] = [];

  beforeAll(async () => {
    nc = await connect({ servers: testInfra.natsUrl });
    jsm = await jetstreamManager(nc);
  });
  afterEach(async () => {
    for (const { gateway, namespace } of started.splice(0)) {
      await gateway.stop();
      await jsm.streams.delete(topology(namespace).inboundStream).catch(() => undefined);
    }
  });
  afterAll(async () => {
    await nc.close();
  });

  async function start(env: Record<string, string> = {}) {
    const namespace = newNamespace();
    const config = readGatewayConfig({
      NAMESPACE: namespace,
      NATS_URL: testInfra.natsUrl,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'verify-me',
      WEBHOOK_GATEWAY_PORT: '0',
      ...env,
    });
    const gateway = await startGateway(config, log);
    started.push({ gateway, namespace });
    return { gateway, t: topology(namespace) };
  }

  const storedCount = async (stream: string) => (await jsm.streams.info(stream)).state.messages;

  it('answers the verification handshake with the challenge only for the right token', async () => {
    const { gateway } = await start();
    const ok = await fetch(`${gateway.url}/api/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=12345`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('12345');
    const wrong = await fetch(`${gateway.url}/api/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345`);
    expect(wrong.status).toBe(403);
  });

  it('answers 401 without a signature, 401 with a wrong one, 400 for signed non-JSON, and publishes nothing', async () => {
    const { gateway, t } = await start();
    const payload = JSON.stringify(buildInboundWebhook({ messages: [buildTextMessage()] }));
    const unsigned = await fetch(`${gateway.url}/api/webhook/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
    });
    expect(unsigned.status).toBe(401);
    const wronglySigned = await postWebhook(gateway.url, payload, APP_SECRET, signPayload(payload, 'another-secret'));
    expect(wronglySigned.status).toBe(401);
    const notJson = await postWebhook(gateway.url, 'this is { not json', APP_SECRET);
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_payload' } });
    const notWhatsApp = await postWebhook(gateway.url, { object: 'page', entry: [] }, APP_SECRET);
    expect(notWhatsApp.status).toBe(400);
    const badMessage = await postWebhook(gateway.url, buildInboundWebhook({ messages: [{ from: 'x', id: '' }] }), APP_SECRET);
    expect(badMessage.status).toBe(400);
    expect(await storedCount(t.inboundStream)).toBe(0);
  });

  it('publishes every message and status of a batch to the student partition, once per wamid', async () => {
    const { gateway, t } = await start();
    const alice = newPhone();
    const bob = newPhone();
    const first = buildTextMessage({ from: alice, text: 'hello' });
    const second = buildTextMessage({ from: bob, text: 'hi there' });
    const status = buildStatus({ id: 'wamid.OUT1', status: 'delivered', recipientId: alice });
    const payload = buildInboundWebhook({ messages: [first, second], statuses: [status] });

    const response = await postWebhook(gateway.url, payload, APP_SECRET);
    expect(response.status).toBe(200);
    expect(await storedCount(t.inboundStream)).toBe(3);

    const stored = await jsm.streams.getMessage(t.inboundStream, { last_by_subj: t.inboundSubject(partitionOf(bob), 'message') });
    const event = inboundMessageReceivedV1.parse(stored?.json());
    expect(event.id).toBe(second.id);
    expect(event.data.message.text?.body).toBe('hi there');
    expect(event.data.profileName).toBe('Test Student');
    expect(stored?.header.get('x-correlation-id')).toBe(event.correlationId);

    const again = await postWebhook(gateway.url, payload, APP_SECRET);
    expect(again.status).toBe(200);
    expect(await storedCount(t.inboundStream)).toBe(3);
  });

  it("publishes a username-only student's message and the status of a reply to them on their BSUID's partition", async () => {
    const { gateway, t } = await start();
    const student = newBsuid();
    const message = buildTextMessage({ from_user_id: student, text: 'hi' });
    const status = buildStatus({ id: 'wamid.OUT2', status: 'delivered', recipientUserId: student });
    const payload = buildInboundWebhook({ messages: [message], statuses: [status], profileName: 'Ada', username: 'ada.lovelace' });

    expect((await postWebhook(gateway.url, payload, APP_SECRET)).status).toBe(200);
    expect(await storedCount(t.inboundStream)).toBe(2);
    const storedMessage = await jsm.streams.getMessage(t.inboundStream, {
      last_by_subj: t.inboundSubject(partitionOf(student), 'message'),
    });
    const event = inboundMessageReceivedV1.parse(storedMessage?.json());
    expect(event).toMatchObject({
      id: message.id,
      data: { profileName: 'Ada', username: 'ada.lovelace', message: { from_user_id: student } },
    });
    expect(event.data.message.from).toBeUndefined();
    const storedStatus = await jsm.streams.getMessage(t.inboundStream, { last_by_subj: t.inboundSubject(partitionOf(student), 'status') });
    expect(inboundStatusReceivedV1.parse(storedStatus?.json()).data.status).toMatchObject({ id: 'wamid.OUT2', recipient_user_id: student });
  });

  it("publishes each Business app echo on the student's partition, once per wamid", async () => {
    const { gateway, t } = await start();
    const student = newPhone();
    const echo = buildMessageEcho({ to: student, text: 'Your timetable is ready' });
    const payload = buildCoexistenceWebhook({ echoes: [echo] });

    expect((await postWebhook(gateway.url, payload, APP_SECRET)).status).toBe(200);
    expect((await postWebhook(gateway.url, payload, APP_SECRET)).status).toBe(200);
    expect(await storedCount(t.inboundStream)).toBe(1);
    const stored = await jsm.streams.getMessage(t.inboundStream, { last_by_subj: t.inboundSubject(partitionOf(student), 'echo') });
    const event = inboundEchoReceivedV1.parse(stored?.json());
    expect(event).toMatchObject({
      id: echo.id,
      type: 'whatsapp.inbound.echo.received',
      data: { phoneNumberId: '100000000000001', echo: { to: student, text: { body: 'Your timetable is ready' } } },
    });
  });

  it('answers 200 to history, smb_app_state_sync and unknown fields and publishes nothing; 400 to a malformed echo', async () => {
    const { gateway, t } = await start();
    for (const field of ['history', 'smb_app_state_sync', 'a_field_meta_adds_later']) {
      const payload = buildCoexistenceWebhook({
        field,
        value: {
          messaging_product: 'whatsapp',
          metadata: { phone_number_id: '100000000000001' },
          history: [{ metadata: { phase: 0 }, threads: [] }],
        },
      });
      expect((await postWebhook(gateway.url, payload, APP_SECRET)).status).toBe(200);
    }
    const malformed = buildCoexistenceWebhook({ echoes: [{ ...buildMessageEcho(), to: undefined }] });
    expect((await postWebhook(gateway.url, malformed, APP_SECRET)).status).toBe(400);
    expect(await storedCount(t.inboundStream)).toBe(0);
  });

  it('answers 503 when JetStream cannot be reached, so that Meta retries', async () => {
    const proxy: TcpProxy = await startTcpProxy(testInfra.natsUrl);
    try {
      const { gateway } = await start({ NATS_URL: proxy.url('nats'), WEBHOOK_PUBLISH_TIMEOUT_MS: '500' });
      proxy.cut();
      const response = await postWebhook(gateway.url, buildInboundWebhook({ messages: [buildTextMessage()] }), APP_SECRET);
      expect(response.status).toBe(503);
      const ready = await fetch(`${gateway.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ down: ['nats'] });
      // What the 5xx-rate alert and the NATS-unreachable alert read.
      const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
      expect(metrics).toMatch(/^webhook_responses_total\{method="POST",status="503",service="webhook-gateway"\} 1$/m);
      expect(metrics).toMatch(/^dependency_up\{dependency="nats",service="webhook-gateway"\} 0$/m);
    } finally {
      await proxy.close();
    }
  });

  it('serves health and metrics', async () => {
    const { gateway } = await start();
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toContain('webhooks_total');
    expect(metrics).toMatch(/^dependency_up\{dependency="nats",service="webhook-gateway"\} 1$/m);
    expect(metrics).toMatch(/^dependency_up\{dependency="nats_stream",service="webhook-gateway"\} 1$/m);
  });
});

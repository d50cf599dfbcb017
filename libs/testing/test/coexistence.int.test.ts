import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { partitionOf, type InboundEchoReceivedV1 } from '@app/contracts';
import {
  buildCoexistenceWebhook,
  buildInboundWebhook,
  buildMessageEcho,
  buildStatus,
  buildTextMessage,
  newPhone,
  openEventStream,
  pollUntil,
  startSystem,
  testInfra,
  type EventStream,
  type RunningSystem,
  signIn,
  type AdminSession,
} from '../src/index';

interface MessageItem {
  id: string;
  direction: string;
  author: string;
  type: string;
  text: string | null;
  status: string;
  source?: string;
}
interface ConversationItem {
  phone_number: string;
  support_status: string;
  state: string;
  service_window_expires_at: string | null;
}

/**
 * Coexistence, through every real process: the school also writes from the WhatsApp Business app on the
 * same number, and Meta reports those messages as smb_message_echoes webhooks. Each is history (stored once,
 * shown to admins as sent from the app), never a turn of the bot, and never a reason to send outside the window.
 */
describe('messages the school sends from the WhatsApp Business app', () => {
  let system: RunningSystem;
  let api: string;
  let token: string;
  let admin: AdminSession;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let stream: EventStream;

  beforeAll(async () => {
    system = await startSystem();
    api = system.url('admin-api');
    admin = await signIn(api);
    token = admin.token;
    stream = await openEventStream(`${api}/api/admin/events`, { authorization: `Bearer ${token}` });
    nc = await connect({ servers: testInfra.natsUrl });
    jsm = await jetstreamManager(nc);
  }, 180_000);
  afterAll(async () => {
    stream?.close();
    await nc?.close();
    await system?.stop();
  });

  const call: AdminSession['call'] = (p, init) => admin.call(p, init);
  const sendsTo = (phone: string) => system.fake.accepted().filter((r) => r.body.to === phone);
  const history = async (phone: string) =>
    (await call(`/api/admin/conversations/${phone}/messages?limit=100`)).body.items as MessageItem[] | undefined;
  const historyWhen = (phone: string, done: (items: MessageItem[]) => boolean, what: string) =>
    pollUntil(
      async () => {
        const items = await history(phone);
        return items && done(items) ? items : undefined;
      },
      { message: what, timeoutMs: 20_000 },
    );
  const conversation = async (phone: string) =>
    ((await call(`/api/admin/conversations?q=${phone}`)).body.items as ConversationItem[]).find((c) => c.phone_number === phone);
  async function studentSays(phone: string, text: string, expectedSends: number) {
    expect(
      (await system.postWebhook(buildInboundWebhook({ messages: [buildTextMessage({ from: phone, text })], profileName: 'Ada' }))).status,
    ).toBe(200);
    await pollUntil(() => sendsTo(phone).length >= expectedSends, { message: `${expectedSends} sends to ${phone}`, timeoutMs: 20_000 });
  }
  const inboundStored = async () => (await jsm.streams.info(system.topology.inboundStream)).state.messages;

  it('stores an echo once, as sent from the app, and neither the bot nor the closed window moves', async () => {
    const phone = newPhone();
    await studentSays(phone, 'hi', 1);
    // An active chat whose window Meta then says is closed (131047 on the admin's message).
    system.fake.scriptFor(phone, { kind: 'accept' }, { kind: 'error', status: 400, code: 131047, title: 'Re-engagement message' });
    expect((await call(`/api/admin/conversations/${phone}/chat-support/start`, { method: 'POST' })).status).toBe(200);
    const refused = await call(`/api/admin/conversations/${phone}/chat-support/send`, {
      method: 'POST',
      body: { message: 'Are you still there?' },
    });
    expect(refused.status).toBe(202);
    await historyWhen(phone, (items) => items.some((m) => m.status === 'failed'), 'the refusal recorded');
    const before = await pollUntil(
      async () => {
        const c = await conversation(phone);
        return c?.service_window_expires_at && Date.parse(c.service_window_expires_at) <= Date.now() ? c : undefined;
      },
      { message: 'the window closed' },
    );
    const earlier = (await history(phone)) ?? [];
    const sendsBefore = sendsTo(phone).length;

    const echo = buildMessageEcho({ to: phone, text: 'We called your parents, all fine' });
    const webhook = buildCoexistenceWebhook({ echoes: [echo] });
    expect((await system.postWebhook(webhook)).status).toBe(200);
    expect((await system.postWebhook(webhook)).status).toBe(200);
    // Meta redelivering it after JetStream's duplicate window: only the engine's wamid dedupe stands in the way.
    const redelivered: InboundEchoReceivedV1 = {
      id: echo.id,
      type: 'whatsapp.inbound.echo.received',
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: 'redelivery',
      data: { phoneNumberId: '100000000000001', echo },
    };
    await jetstream(nc).publish(system.topology.inboundSubject(partitionOf(phone), 'echo'), JSON.stringify(redelivered), {
      msgID: `${echo.id}:again`,
    });
    // The next echo on the student's partition is handled after the redelivery: once it shows, both were.
    const next = buildMessageEcho({ to: `+${phone}`, text: 'Call us back when you can' });
    expect((await system.postWebhook(buildCoexistenceWebhook({ echoes: [next] }))).status).toBe(200);
    const items = await historyWhen(phone, (all) => all.some((m) => m.text === next.text.body), 'the second echo stored');

    expect(items.slice(0, earlier.length)).toEqual(earlier);
    expect(items.slice(earlier.length).map((m) => [m.direction, m.author, m.source, m.type, m.text, m.status])).toEqual([
      ['outbound', 'agent', 'business_app', 'text', echo.text.body, 'sent'],
      ['outbound', 'agent', 'business_app', 'text', next.text.body, 'sent'],
    ]);
    expect(earlier.every((m) => m.source === 'cloud_api')).toBe(true);
    await stream.waitFor(
      (f) => f.event === 'message.created' && (JSON.parse(f.data ?? '{}') as { message?: MessageItem }).message?.text === next.text.body,
    );

    // Nothing was written for the bot to send (it would be in the history, written with the echo), nor sent.
    expect(sendsTo(phone).length).toBe(sendsBefore);
    const after = await conversation(phone);
    expect(after).toMatchObject({
      support_status: 'active',
      state: before.state,
      service_window_expires_at: before.service_window_expires_at,
    });
    const again = await call(`/api/admin/conversations/${phone}/chat-support/send`, { method: 'POST', body: { message: 'Hello?' } });
    expect([again.status, again.body.error?.code]).toEqual([422, 'outside_service_window']);

    // Meta's statuses of an echo move it forward as any outbound message's.
    expect(
      (await system.postWebhook(buildInboundWebhook({ statuses: [buildStatus({ id: echo.id, status: 'read', recipientId: phone })] })))
        .status,
    ).toBe(200);
    await historyWhen(phone, (all) => all.some((m) => m.text === echo.text.body && m.status === 'read'), 'the echo read');
  });

  it('creates the conversation of a number that never wrote without a bot turn or a window; its first message is then welcomed', async () => {
    const phone = newPhone();
    const echo = buildMessageEcho({ to: phone, text: 'Welcome to the new term' });
    expect((await system.postWebhook(buildCoexistenceWebhook({ echoes: [echo] }))).status).toBe(200);
    const items = await historyWhen(phone, (all) => all.length > 0, 'the echo stored');
    expect(items.map((m) => [m.direction, m.author, m.source, m.text])).toEqual([
      ['outbound', 'agent', 'business_app', 'Welcome to the new term'],
    ]);
    expect(await conversation(phone)).toMatchObject({ state: 'new', support_status: 'none', service_window_expires_at: null });
    const refused = await call(`/api/admin/conversations/${phone}/chat-support/start`, { method: 'POST' });
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'outside_service_window']);

    await studentSays(phone, 'hi', 1);
    const after = await historyWhen(phone, (all) => all.length >= 3, 'the welcome stored');
    expect(after.map((m) => [m.direction, m.author])).toEqual([
      ['outbound', 'agent'],
      ['inbound', 'student'],
      ['outbound', 'bot'],
    ]);
  });

  it('answers history, smb_app_state_sync and unknown fields 200 and publishes nothing', async () => {
    const stored = await inboundStored();
    const metadata = { display_phone_number: '15550783881', phone_number_id: '100000000000001' };
    const history = buildCoexistenceWebhook({
      field: 'history',
      value: {
        messaging_product: 'whatsapp',
        metadata,
        history: [{ metadata: { phase: 0, chunk_order: 1, progress: 100 }, threads: [{ id: newPhone(), messages: [buildTextMessage()] }] }],
      },
    });
    const sync = buildCoexistenceWebhook({
      field: 'smb_app_state_sync',
      value: { messaging_product: 'whatsapp', metadata, state_sync: [{ type: 'contact', action: 'add' }] },
    });
    const unknown = buildCoexistenceWebhook({ field: 'something_meta_adds', value: {} });
    for (const payload of [history, sync, unknown]) expect((await system.postWebhook(payload)).status).toBe(200);
    expect(await inboundStored()).toBe(stored);
  });
});

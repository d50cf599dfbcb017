import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildButtonReply,
  buildInboundWebhook,
  buildListReply,
  buildTextMessage,
  newPhone,
  openEventStream,
  pollUntil,
  startSystem,
  type EventStream,
  type RunningSystem,
  type SseFrame,
} from '../src/index';

/**
 * A support chat end to end, through every real process: the student writes through signed webhooks, admins
 * work through admin-api's HTTP API and its event stream, and what the student receives is what the fake
 * Cloud API was sent.
 */
describe('a support chat from the student asking to the history', () => {
  let system: RunningSystem;
  let api: string;
  let mary: string;
  let grace: string;
  let stream: EventStream;

  const call = async (path: string, init: { method?: string; token: string; body?: unknown; headers?: Record<string, string> }) => {
    const res = await fetch(`${api}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.token}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string } } };
  };
  const login = async (email: string, password: string) => {
    const res = await fetch(`${api}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    system = await startSystem();
    api = system.url('admin-api');
    mary = await login('admin@school.test', 'correct horse battery staple');
    expect(
      (
        await call('/api/admin/users', {
          method: 'POST',
          token: mary,
          body: { email: 'grace@school.test', password: 'grace-password-1', role: 'agent', display_name: 'Ms Grace' },
        })
      ).status,
    ).toBe(201);
    grace = await login('grace@school.test', 'grace-password-1');
    stream = await openEventStream(`${api}/api/admin/events`, { authorization: `Bearer ${mary}` });
    expect(stream.status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    stream?.close();
    await system?.stop();
  });

  const sentTo = (phone: string) =>
    system.fake
      .accepted()
      .filter((r) => r.body.to === phone)
      .map((r) => r.body as { type: string; text?: { body: string }; interactive?: { body: { text: string } } });
  const bodyOf = (sent: ReturnType<typeof sentTo>[number]) => sent.text?.body ?? sent.interactive?.body.text ?? '';
  /** Posts one signed webhook and waits until the fake Cloud API has received `expected` sends to the student in all. */
  async function studentSends(phone: string, message: Record<string, unknown>, expected: number) {
    expect((await system.postWebhook(buildInboundWebhook({ messages: [message], profileName: 'Ada' }))).status).toBe(200);
    return pollUntil(() => (sentTo(phone).length >= expected ? sentTo(phone) : undefined), {
      message: `${expected} sends to ${phone}`,
      timeoutMs: 20_000,
    });
  }
  const live = (
    event: string,
    phone: string,
    match: (data: { message?: Record<string, unknown>; conversation?: Record<string, unknown> }) => boolean,
  ) =>
    stream.waitFor((f: SseFrame) => {
      if (f.event !== event || !f.data) return false;
      const data = JSON.parse(f.data) as {
        phone_number: string;
        message?: Record<string, unknown>;
        conversation?: Record<string, unknown>;
      };
      return data.phone_number === phone && match(data);
    }, 20_000);

  it('goes from a waiting student to a claimed chat, live messages both ways, an end and the full history', async () => {
    const phone = newPhone();
    await studentSends(phone, buildTextMessage({ from: phone, text: 'hi' }), 1);
    await studentSends(phone, buildTextMessage({ from: phone, text: 'Ada Lovelace' }), 2);
    await studentSends(phone, buildTextMessage({ from: phone, text: 'ada@example.com' }), 3);
    await studentSends(phone, buildListReply({ from: phone, replyId: 'class:grade-9', title: 'Grade 9' }), 5);
    const asked = await studentSends(phone, buildTextMessage({ from: phone, text: 'Can I talk to a human?' }), 6);
    expect(bodyOf(asked[5]!)).toContain('You are number 1 in line.');

    // Waiting, in the list and live.
    await live('conversation.updated', phone, (d) => d.conversation?.support_status === 'waiting');
    const waiting = await call('/api/admin/conversations?chat_support=true', { token: mary });
    expect(waiting.status).toBe(200);
    expect((waiting.body.items as { phone_number: string }[]).find((c) => c.phone_number === phone)).toMatchObject({
      support_status: 'waiting',
      state: 'support',
      student_name: 'Ada Lovelace',
      assigned_to: null,
    });

    // Mary claims it; Grace is too late.
    const claimed = await call(`/api/admin/conversations/${phone}/chat-support/claim`, { method: 'POST', token: mary });
    expect(claimed.status).toBe(200);
    expect(claimed.body.conversation).toMatchObject({ support_status: 'active', assigned_to: { name: 'admin' } });
    const late = await call(`/api/admin/conversations/${phone}/chat-support/claim`, { method: 'POST', token: grace });
    expect([late.status, late.body.error?.code]).toEqual([409, 'already_claimed']);

    // Mary writes; the student receives it; its delivery status comes back live.
    const sent = await call(`/api/admin/conversations/${phone}/chat-support/send`, {
      method: 'POST',
      token: mary,
      body: { message: 'Hello Ada, Mary here. How can I help?' },
      headers: { 'idempotency-key': 'journey-1' },
    });
    expect(sent.status).toBe(202);
    const message = sent.body.message as { id: string; status: string };
    expect(message.status).toBe('queued');
    const received = await pollUntil(() => (sentTo(phone).length >= 8 ? sentTo(phone) : undefined), {
      message: 'the agent message at the fake',
      timeoutMs: 20_000,
    });
    expect(received.slice(6).map(bodyOf)).toEqual([
      'admin from the school team has joined the chat.',
      'Hello Ada, Mary here. How can I help?',
    ]);
    await live('message.status', phone, (d) => d.message?.id === message.id && d.message?.status === 'sent');

    // The student answers; Mary sees it live (and the bot acknowledges it, once).
    await studentSends(phone, buildTextMessage({ from: phone, text: 'My homework upload failed' }), 9);
    const reply = await live('message.created', phone, (d) => d.message?.text === 'My homework upload failed');
    expect(JSON.parse(reply.data!).message).toMatchObject({ direction: 'inbound', author: 'student', status: 'received' });

    // Mary ends it with a last word; the student is told and gets the main menu.
    const ended = await call(`/api/admin/conversations/${phone}/chat-support/end`, {
      method: 'POST',
      token: mary,
      body: { message: 'Fixed now. Bye!' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.conversation).toMatchObject({ support_status: 'ended', state: 'menu', assigned_to: null });
    const all = await pollUntil(() => (sentTo(phone).length >= 11 ? sentTo(phone) : undefined), {
      message: 'the menu after the end',
      timeoutMs: 20_000,
    });
    expect(all.slice(8).map((s) => [s.type, bodyOf(s).split('\n')[0]])).toEqual([
      ['text', 'Your message was passed to our team.'],
      ['text', 'Fixed now. Bye!'],
      ['interactive', 'Your chat with our team has ended.'],
    ]);

    // The history: every message, in order, with its author.
    const history = await call(`/api/admin/conversations/${phone}/messages?limit=100`, { token: grace });
    expect(history.status).toBe(200);
    const items = history.body.items as {
      author: string;
      text: string | null;
      agent_name: string | null;
      direction: string;
      status: string;
    }[];
    expect(items).toHaveLength(17);
    expect(items.slice(-8).map((m) => [m.direction, m.author, m.agent_name, m.text?.split('\n')[0]])).toEqual([
      ['inbound', 'student', null, 'Can I talk to a human?'],
      ['outbound', 'bot', null, expect.stringContaining('You are now in the queue')],
      ['outbound', 'system', null, 'admin from the school team has joined the chat.'],
      ['outbound', 'agent', 'admin', 'Hello Ada, Mary here. How can I help?'],
      ['inbound', 'student', null, 'My homework upload failed'],
      ['outbound', 'bot', null, 'Your message was passed to our team.'],
      ['outbound', 'agent', 'admin', 'Fixed now. Bye!'],
      ['outbound', 'bot', null, 'Your chat with our team has ended.'],
    ]);
    expect(items.find((m) => m.text === 'Hello Ada, Mary here. How can I help?')?.status).not.toBe('queued');
  });

  it('names the admin by their display name to the student and in the history, and lets the student end the chat with the end_chat button', async () => {
    const phone = newPhone();
    await studentSends(phone, buildTextMessage({ from: phone, text: 'hi' }), 1);
    await studentSends(phone, buildTextMessage({ from: phone, text: 'Grace Hopper' }), 2);
    await studentSends(phone, buildTextMessage({ from: phone, text: 'grace@example.com' }), 3);
    await studentSends(phone, buildListReply({ from: phone, replyId: 'class:grade-9', title: 'Grade 9' }), 5);
    await studentSends(phone, buildListReply({ from: phone, replyId: 'support', title: 'Chat Support' }), 6);
    const claimed = await call(`/api/admin/conversations/${phone}/chat-support/claim`, { method: 'POST', token: grace });
    expect([claimed.status, claimed.body.conversation]).toEqual([
      200,
      expect.objectContaining({ assigned_to: expect.objectContaining({ name: 'Ms Grace' }) }),
    ]);
    const sent = await call(`/api/admin/conversations/${phone}/chat-support/send`, {
      method: 'POST',
      token: grace,
      body: { message: 'Ms Grace here. How can I help?' },
    });
    expect([sent.status, sent.body.message]).toEqual([202, expect.objectContaining({ author: 'agent', agent_name: 'Ms Grace' })]);
    const told = await pollUntil(() => (sentTo(phone).length >= 8 ? sentTo(phone) : undefined), {
      message: "Grace's message at the fake",
      timeoutMs: 20_000,
    });
    expect(told.slice(6).map(bodyOf)).toEqual(['Ms Grace from the school team has joined the chat.', 'Ms Grace here. How can I help?']);
    await studentSends(phone, buildButtonReply({ from: phone, replyId: 'end_chat', title: 'End chat' }), 9);
    await live('conversation.updated', phone, (d) => d.conversation?.support_status === 'ended');
    const history = await call(`/api/admin/conversations/${phone}/messages`, { token: mary });
    expect((history.body.items as { author: string; agent_name: string | null }[]).slice(-4).map((m) => [m.author, m.agent_name])).toEqual([
      ['system', null],
      ['agent', 'Ms Grace'],
      ['student', null],
      ['bot', null],
    ]);
    expect(
      (
        await call(`/api/admin/conversations/${phone}/chat-support/send`, {
          method: 'POST',
          token: grace,
          body: { message: 'one more thing' },
        })
      ).body.error?.code,
    ).toBe('chat_not_active');
  });
});

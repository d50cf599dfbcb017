import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, signIn, type RecordedRequest, type RunningSystem } from '@app/testing';
import { createEngineHarness, type EngineHarness } from './engine-harness';
import { studentInLine } from './support-driver';

/**
 * The typing indicator from the admin's keyboard to the student's phone: admin-api's HTTP route, this engine
 * (in process, on a clock the test moves), the outbox, the real whatsapp-sender and the fake Cloud API.
 */
describe('the typing indicator while an admin types in a support chat', () => {
  let h: EngineHarness;
  let system: RunningSystem;
  let clock = Date.now();
  let api: string;
  let token: string;

  beforeAll(async () => {
    h = await createEngineHarness();
    await h.start({ now: () => new Date(clock) });
    // The sender and admin-api as real processes, in this engine's namespace.
    system = await h.startSystem(['whatsapp-sender', 'admin-api']);
    api = system.url('admin-api');
    token = (await signIn(api)).token;
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  const request = async (method: string, path: string, init: { body?: unknown; auth?: boolean } = {}) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: {
        ...(init.auth === false ? {} : { authorization: `Bearer ${token}` }),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const call = (path: string, init: { body?: unknown; auth?: boolean } = {}) => request('POST', `/api/admin/conversations/${path}`, init);
  const typing = (phone: string) => call(`${phone}/chat-support/typing`);
  const typingAtFake = (wamid: string) =>
    system.fake.readReceipts().filter((r) => r.body.message_id === wamid && r.body.typing_indicator !== undefined);
  const sendsTo = (phone: string) => system.fake.accepted().filter((r) => r.body.to === phone);
  const newestInboundWamid = async (phone: string) =>
    (await h.conversationRows(phone)).messages.filter((m) => m.direction === 'inbound').at(-1)!.wamid!;
  const openRows = async (phone: string) =>
    h.db
      .selectFrom('outbox')
      .innerJoin('conversations', 'conversations.id', 'outbox.conversation_id')
      .select('outbox.id')
      .where('conversations.phone_number', '=', phone)
      .where('outbox.completed_at', 'is', null)
      .execute();
  const typingRows = async (phone: string) =>
    h.db
      .selectFrom('outbox')
      .innerJoin('conversations', 'conversations.id', 'outbox.conversation_id')
      .select('outbox.id')
      .where('conversations.phone_number', '=', phone)
      .where('outbox.kind', '=', 'typing')
      .execute();

  it('sends one indicator per 20 s, behind what was written before it, and none once the chat ended', async () => {
    const student = await studentInLine(h);
    expect((await call(`${student.phone}/chat-support/claim`)).status).toBe(200);
    const wamid = await newestInboundWamid(student.phone);

    expect(await typing(student.phone)).toEqual({ status: 202, body: { sent: true } });
    const [first] = await pollUntil(() => (typingAtFake(wamid).length === 1 ? typingAtFake(wamid) : undefined), {
      message: 'the indicator at the fake',
      timeoutMs: 20_000,
    });
    expect(first?.body).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: wamid, typing_indicator: { type: 'text' } });
    await pollUntil(async () => (await openRows(student.phone)).length === 0, { message: 'the indicator settled', timeoutMs: 20_000 });

    clock += 19_000;
    expect(await typing(student.phone)).toEqual({ status: 200, body: { sent: false, reason: 'throttled' } });

    // The admin's message, then typing again 20 s after the first: the indicator follows the message.
    const sent = await call(`${student.phone}/chat-support/send`, { body: { message: 'Let me check that for you' } });
    expect(sent.status).toBe(202);
    clock += 1_000;
    expect(await typing(student.phone)).toEqual({ status: 202, body: { sent: true } });
    await pollUntil(() => typingAtFake(wamid).length === 2, { message: 'the second indicator at the fake', timeoutMs: 20_000 });
    const order = system.fake.requests
      .filter((r: RecordedRequest) => r.outcome === 'accepted' && (r.body.to === student.phone || r.body.message_id === wamid))
      .map((r) => (r.body.typing_indicator ? 'typing' : r.body.type === 'text' ? (r.body.text as { body: string }).body : r.body.type));
    expect(order.slice(-3)).toEqual(['typing', 'Let me check that for you', 'typing']);

    expect((await call(`${student.phone}/chat-support/end`)).status).toBe(200);
    clock += 20_000;
    const after = await typing(student.phone);
    expect([after.status, (after.body.error as { code: string }).code]).toEqual([409, 'chat_not_active']);
    // Everything written to the student (the end of chat last) has its outcome: nothing more can leave.
    await pollUntil(async () => (await openRows(student.phone)).length === 0, {
      message: 'every job to the student settled',
      timeoutMs: 20_000,
    });
    expect(sendsTo(student.phone).at(-1)?.body.type).toBe('interactive');
    expect(typingAtFake(wamid)).toHaveLength(2);
  });

  it('lets only one of two admins typing at the same instant send an indicator', async () => {
    const student = await studentInLine(h);
    expect((await call(`${student.phone}/chat-support/claim`)).status).toBe(200);
    const answers = await Promise.all([typing(student.phone), typing(student.phone)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 202]);
    expect(answers.find((a) => a.status === 200)?.body).toEqual({ sent: false, reason: 'throttled' });
    expect(await typingRows(student.phone)).toHaveLength(1);
  });

  it('adds no indicator while the one before it is still on its way, even after 20 s', async () => {
    const student = await studentInLine(h);
    // The token refused: the "joined" notice cannot leave, nor the indicator behind it, until an admin resumes.
    system.fake.revokeToken();
    try {
      expect((await call(`${student.phone}/chat-support/claim`)).status).toBe(200);
      expect(await typing(student.phone)).toEqual({ status: 202, body: { sent: true } });
      clock += 20_000;
      expect(await typing(student.phone)).toEqual({ status: 200, body: { sent: false, reason: 'throttled' } });
      await pollUntil(async () => ((await request('GET', '/api/admin/outbound/status')).body as { paused: boolean }).paused, {
        message: 'sending paused',
        timeoutMs: 20_000,
      });
    } finally {
      system.fake.restoreToken();
    }
    expect((await request('POST', '/api/admin/outbound/resume')).status).toBe(200);
    await pollUntil(async () => (await openRows(student.phone)).length === 0, {
      message: 'everything to the student settled',
      timeoutMs: 20_000,
    });
    clock += 20_000;
    expect(await typing(student.phone)).toEqual({ status: 202, body: { sent: true } });
    expect(await typingRows(student.phone)).toHaveLength(1);
  });

  it('answers 409 for a chat still waiting for an admin, and 401 without a token', async () => {
    const student = await studentInLine(h);
    const waiting = await typing(student.phone);
    expect([waiting.status, (waiting.body.error as { code: string }).code]).toEqual([409, 'chat_not_active']);
    expect((await call(`${student.phone}/chat-support/typing`, { auth: false })).status).toBe(401);
    expect(await typingRows(student.phone)).toHaveLength(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildIdentityChange,
  buildInboundWebhook,
  buildListReply,
  buildStatus,
  buildTextMessage,
  newBsuid,
  newPhone,
  openEventStream,
  pollUntil,
  sender,
  startSystem,
  type EventStream,
  type RunningSystem,
  type SseFrame,
  signIn,
  type AdminSession,
} from '../src/index';

interface ConversationItem {
  phone_number: string | null;
  user_id: string | null;
  username: string | null;
  student_name: string | null;
  support_status: string;
  state: string;
}
interface MessageItem {
  id: string;
  direction: string;
  author: string;
  text: string | null;
  status: string;
}
type Sent = { to?: string; recipient?: string; type: string; text?: { body: string }; interactive?: { body: { text: string } } };

/**
 * WhatsApp's 2026 identities, through every real process: a student known by business-scoped user id (BSUID)
 * with or without a phone number, a phone that appears and vanishes, and Meta's announcement of a new id. Each
 * student stays one conversation with one history, answered in order, reachable by either id.
 */
describe('students known by business-scoped user id', () => {
  let system: RunningSystem;
  let api: string;
  let token: string;
  let admin: AdminSession;
  let stream: EventStream;

  beforeAll(async () => {
    system = await startSystem();
    api = system.url('admin-api');
    admin = await signIn(api);
    token = admin.token;
    stream = await openEventStream(`${api}/api/admin/events`, { authorization: `Bearer ${token}` });
  }, 180_000);
  afterAll(async () => {
    stream?.close();
    await system?.stop();
  });

  const call: AdminSession['call'] = (p, init) => admin.call(p, init);
  /** What the fake Cloud API accepted for this student, addressed by `to` (phone) or `recipient` (BSUID). */
  const sentTo = (ids: { phone?: string; userId?: string }) =>
    system.fake
      .accepted()
      .map((r) => r.body as Sent)
      .filter((b) => (ids.phone !== undefined && b.to === ids.phone) || (ids.userId !== undefined && b.recipient === ids.userId));
  const bodyOf = (s: Sent) => s.text?.body ?? s.interactive?.body.text ?? '';
  async function says(
    ids: { phone?: string; userId?: string },
    message: Record<string, unknown>,
    expected: number,
    extra: { username?: string } = {},
  ) {
    const webhook = buildInboundWebhook({ messages: [message], profileName: 'Ada', ...extra });
    expect((await system.postWebhook(webhook)).status).toBe(200);
    return pollUntil(() => (sentTo(ids).length >= expected ? sentTo(ids) : undefined), {
      message: `${expected} sends to ${JSON.stringify(ids)}`,
      timeoutMs: 20_000,
    });
  }
  const history = async (student: string) => {
    const res = await call(`/api/admin/conversations/${encodeURIComponent(student)}/messages?limit=200`);
    expect(res.status).toBe(200);
    return res.body.items as MessageItem[];
  };
  const listed = async (q: string) => (await call(`/api/admin/conversations?q=${encodeURIComponent(q)}`)).body.items as ConversationItem[];

  it('lets a username-only student register, ask for support and get an answer sent to their user id', async () => {
    const userId = newBsuid();
    const me = { userId };
    const from = sender({ userId });
    await says(me, buildTextMessage({ ...from, text: 'hi' }), 1, { username: 'ada.l' });
    await says(me, buildTextMessage({ ...from, text: 'Ada Lovelace' }), 2, { username: 'ada.l' });
    await says(me, buildTextMessage({ ...from, text: 'ada@example.com' }), 3, { username: 'ada.l' });
    await says(me, buildListReply({ from_user_id: userId, replyId: 'class:grade-9', title: 'Grade 9' }), 5, { username: 'ada.l' });
    const asked = await says(me, buildTextMessage({ ...from, text: 'talk to a human' }), 6, { username: 'ada.l' });
    expect(bodyOf(asked[5]!)).toContain('You are number 1 in line.');
    // Every reply went to the user id: no phone is known, none was invented.
    expect(asked.every((s) => s.recipient === userId && s.to === undefined)).toBe(true);

    // Admins find the student by user id and by username; the item says who they are without a phone.
    const [item] = await listed(userId);
    expect(item).toMatchObject({
      phone_number: null,
      user_id: userId,
      username: 'ada.l',
      student_name: 'Ada Lovelace',
      support_status: 'waiting',
    });
    expect((await listed('ada.l')).map((c) => c.user_id)).toContain(userId);

    const live = stream.waitFor(
      (f: SseFrame) =>
        f.event === 'conversation.updated' && f.data !== undefined && (JSON.parse(f.data) as { user_id: string | null }).user_id === userId,
      20_000,
    );
    expect((await call(`/api/admin/conversations/${userId}/chat-support/claim`, { method: 'POST' })).status).toBe(200);
    expect(JSON.parse((await live).data!)).toMatchObject({ phone_number: null, user_id: userId });
    const sent = await call(`/api/admin/conversations/${userId}/chat-support/send`, {
      method: 'POST',
      body: { message: 'Hello Ada, how can I help?' },
    });
    expect(sent.status).toBe(202);
    const received = await pollUntil(() => (sentTo(me).length >= 8 ? sentTo(me) : undefined), {
      message: "the admin's answer at the fake",
      timeoutMs: 20_000,
    });
    expect(received.slice(6).map(bodyOf)).toEqual(['admin from the school team has joined the chat.', 'Hello Ada, how can I help?']);
    expect(received[7]).toMatchObject({ recipient: userId });
    expect(received[7]!.to).toBeUndefined();

    // Meta's statuses for it name only the user id; the message moves on all the same.
    const wamid = system.fake.accepted().find((r) => (r.body as Sent).text?.body === 'Hello Ada, how can I help?')?.wamid;
    expect(wamid).toBeDefined();
    await system.postWebhook(buildInboundWebhook({ statuses: [buildStatus({ id: wamid!, status: 'read', recipientUserId: userId })] }));
    await pollUntil(async () => (await history(userId)).find((m) => m.text === 'Hello Ada, how can I help?')?.status === 'read', {
      message: 'read by user id',
      timeoutMs: 20_000,
    });
  });

  it('keeps one conversation, one history and the order when a student is seen by phone, then both ids, then user id only', async () => {
    const phone = newPhone();
    const userId = newBsuid();
    const both = { phone, userId };
    await says(both, buildTextMessage({ from: phone, text: 'hi' }), 1);
    await says(both, buildTextMessage({ ...sender(both), text: 'Grace Hopper' }), 2);
    await says(both, buildTextMessage({ ...sender({ userId }), text: 'grace@example.com' }), 3);
    const menu = await says(both, buildListReply({ from_user_id: userId, replyId: 'class:grade-9', title: 'Grade 9' }), 5);
    // Replies go to the phone while it is known (older senders can reach them too), never to a second student.
    expect(menu.every((s) => s.to === phone)).toBe(true);

    const byPhone = await history(phone);
    const byUserId = await history(userId);
    expect(byUserId.map((m) => m.id)).toEqual(byPhone.map((m) => m.id));
    expect(byPhone.filter((m) => m.direction === 'inbound').map((m) => m.text)).toEqual([
      'hi',
      'Grace Hopper',
      'grace@example.com',
      'Grade 9',
    ]);
    const found = [...(await listed(phone)), ...(await listed(userId))].filter((c) => c.phone_number === phone || c.user_id === userId);
    expect(new Set(found.map((c) => `${c.phone_number}|${c.user_id}`))).toEqual(new Set([`${phone}|${userId}`]));
    expect(found[0]).toMatchObject({ student_name: 'Grace Hopper', state: 'menu' });
  });

  it('moves the conversation to the new id when Meta announces user_changed_user_id, without a bot reply or a second student', async () => {
    const oldId = newBsuid();
    const newId = newBsuid();
    await says({ userId: oldId }, buildTextMessage({ ...sender({ userId: oldId }), text: 'hi' }), 1);
    const before = await history(oldId);

    expect(
      (
        await system.postWebhook(
          buildInboundWebhook({ messages: [buildIdentityChange({ type: 'user_changed_user_id', fromUserId: oldId, newUserId: newId })] }),
        )
      ).status,
    ).toBe(200);
    const moved = await pollUntil(
      async () => {
        const res = await call(`/api/admin/conversations/${newId}/messages?limit=200`);
        return res.status === 200 && (res.body.items as MessageItem[]).length > before.length
          ? (res.body.items as MessageItem[])
          : undefined;
      },
      { message: 'the history under the new id', timeoutMs: 20_000 },
    );
    expect(moved.slice(0, before.length).map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(moved.at(-1)).toMatchObject({ author: 'system' });

    // The student writes from the new id: the same conversation answers, registration goes on where it was.
    const next = await says({ userId: newId }, buildTextMessage({ ...sender({ userId: newId }), text: 'Alan Turing' }), 1);
    expect(bodyOf(next[0]!)).not.toBe('');
    expect(sentTo({ userId: oldId })).toHaveLength(1);
    const after = await history(newId);
    expect(after.filter((m) => m.direction === 'inbound' && m.author === 'student').map((m) => m.text)).toEqual(['hi', 'Alan Turing']);
    expect((await listed(newId)).filter((c) => c.user_id === newId)).toHaveLength(1);
    expect((await listed(oldId)).filter((c) => c.user_id === oldId)).toHaveLength(0);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { newPhone } from '@app/testing';
import { correlationId, JOHN, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { registeredStudent } from './student-driver';
import { outboundTo, outboxOf, studentInLine, supportChatsOf } from './support-driver';

const DAY_MS = 24 * 3600_000;

describe('claiming and answering a support chat over the engine RPC', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  let clock: number;
  beforeEach(() => {
    clock = Date.now();
  });
  useEngineWithAdmin((world) => ({ h, admin } = world), { hooks: { now: () => new Date(clock) } });

  const claim = (phone: string, actor = MARY) => ({ actor, student: phone, correlationId: correlationId() });
  const send = (phone: string, message: string, opts: { actor?: typeof MARY; key?: string } = {}) => ({
    actor: opts.actor ?? MARY,
    student: phone,
    message,
    idempotency_key: opts.key ?? correlationId(),
    correlationId: correlationId(),
  });

  it('claims a waiting chat for the admin, tells the student who joined, and refuses a second admin with already_claimed', async () => {
    const student = await studentInLine(h);
    const before = await outboundTo(h, student.phone);

    const { conversation } = await admin.ok('claimChat', claim(student.phone));
    expect(conversation).toMatchObject({
      phone_number: student.phone,
      state: 'support',
      is_chat_support: true,
      support_status: 'active',
      assigned_to: { id: MARY.id, name: MARY.name },
    });
    const after = await outboundTo(h, student.phone);
    expect(after.slice(before.length)).toEqual([
      expect.objectContaining({
        author: 'system',
        kind: 'buttons',
        body: 'Mary Jones from the school team has joined the chat.',
        ids: ['end_chat'],
      }),
    ]);

    // The same admin again: nothing changes, nothing is sent.
    expect((await admin.ok('claimChat', claim(student.phone))).conversation.assigned_to).toEqual({ id: MARY.id, name: MARY.name });
    expect(await admin.refusal('claimChat', claim(student.phone, JOHN))).toEqual({
      code: 'already_claimed',
      message: expect.stringContaining('Mary Jones'),
    });
    expect(await outboundTo(h, student.phone)).toHaveLength(after.length);

    const [chat] = await supportChatsOf(h, student.phone);
    expect(chat).toMatchObject({
      status: 'active',
      requested_by: 'student',
      assigned_admin_id: MARY.id,
      assigned_admin_name: MARY.name,
      first_response_at: null,
    });
    expect(chat?.claimed_at?.getTime()).toBe(clock);
    expect(chat?.waited_seconds).toBe(0);
  });

  it('answers not_found for a number that never wrote and chat_not_active for a student not in a chat', async () => {
    expect(await admin.refusal('claimChat', claim(newPhone()))).toMatchObject({ code: 'not_found' });
    expect(await admin.refusal('sendMessage', send(newPhone(), 'hello'))).toMatchObject({ code: 'not_found' });
    const student = await registeredStudent(h);
    expect(await admin.refusal('claimChat', claim(student.phone))).toMatchObject({ code: 'chat_not_active' });
    expect(await admin.refusal('sendMessage', send(student.phone, 'hello'))).toMatchObject({ code: 'chat_not_active' });
    expect(await admin.refusal('endChat', claim(student.phone))).toMatchObject({ code: 'chat_not_active' });
    expect(await supportChatsOf(h, student.phone)).toEqual([]);
  });

  it("stores an admin's message as the agent's and queues it; sending into a waiting chat claims it", async () => {
    const student = await studentInLine(h);
    clock += 45_000;
    const { message } = await admin.ok('sendMessage', send(student.phone, 'Hello Ada, how can I help?', { actor: JOHN }));
    expect(message).toEqual({
      id: expect.any(String),
      direction: 'outbound',
      author: 'agent',
      agent_name: JOHN.name,
      type: 'text',
      text: 'Hello Ada, how can I help?',
      status: 'queued',
      error: null,
      created_at: new Date(clock).toISOString(),
      media: null,
      pricing: null,
      source: 'cloud_api',
      retrying: null,
    });

    const sent = await outboundTo(h, student.phone);
    expect(sent.slice(-2).map((m) => [m.author, m.body])).toEqual([
      ['system', 'John Smith from the school team has joined the chat.'],
      ['agent', 'Hello Ada, how can I help?'],
    ]);
    const outbox = await outboxOf(h, student.phone);
    expect(outbox.slice(-2).map((o) => o.message_id)).toEqual(sent.slice(-2).map((m) => m.id));
    const [chat] = await supportChatsOf(h, student.phone);
    expect(chat).toMatchObject({ status: 'active', assigned_admin_id: JOHN.id, waited_seconds: 45, first_response_seconds: 45 });
    const list = await admin.ok('listConversations', { actor: MARY, chat_support: true });
    expect(list.items.find((c) => c.phone_number === student.phone)).toMatchObject({
      assigned_to: { id: JOHN.id },
      last_message: 'Hello Ada, how can I help?',
    });
  });

  it('lets another admin write into an active chat without taking it over', async () => {
    const student = await studentInLine(h);
    await admin.ok('claimChat', claim(student.phone));
    clock += 10_000;
    const { message } = await admin.ok('sendMessage', send(student.phone, 'Covering for Mary: your upload is fixed.', { actor: JOHN }));
    expect(message).toMatchObject({ author: 'agent', agent_name: JOHN.name });
    const [chat] = await supportChatsOf(h, student.phone);
    expect(chat).toMatchObject({ assigned_admin_id: MARY.id, first_response_seconds: 10 });
    const sent = await outboundTo(h, student.phone);
    expect(sent.filter((m) => m.author === 'system')).toHaveLength(1);
  });

  it('answers a repeated idempotency key with the first message and queues nothing new, even when both arrive at once', async () => {
    const student = await studentInLine(h);
    const first = await admin.ok('sendMessage', send(student.phone, 'Once only', { key: 'admin-mary:console-1' }));
    const again = await admin.ok('sendMessage', send(student.phone, 'Once only (retried)', { key: 'admin-mary:console-1' }));
    expect(again.message).toEqual(first.message);

    const [a, b] = await Promise.all([
      admin.ok('sendMessage', send(student.phone, 'Twice at once', { key: 'admin-mary:console-2' })),
      admin.ok('sendMessage', send(student.phone, 'Twice at once', { key: 'admin-mary:console-2' })),
    ]);
    expect(a.message.id).toBe(b.message.id);

    const agentMessages = (await outboundTo(h, student.phone)).filter((m) => m.author === 'agent');
    expect(agentMessages.map((m) => m.body)).toEqual(['Once only', 'Twice at once']);
    const outbox = await outboxOf(h, student.phone);
    expect(outbox.filter((o) => agentMessages.some((m) => m.id === o.message_id))).toHaveLength(2);

    // A day later the key is free again: it is a new message.
    clock += DAY_MS + 1_000;
    await student.says('still there?');
    const later = await admin.ok('sendMessage', send(student.phone, 'Yes!', { key: 'admin-mary:console-1' }));
    expect(later.message.id).not.toBe(first.message.id);
  });

  it('refuses outside the 24-hour window before anything is queued', async () => {
    const student = await studentInLine(h);
    await admin.ok('claimChat', claim(student.phone));
    const outboxBefore = await outboxOf(h, student.phone);
    clock += DAY_MS + 1;
    expect(await admin.refusal('sendMessage', send(student.phone, 'Sorry for the delay', { key: 'admin-mary:late' }))).toMatchObject({
      code: 'outside_service_window',
    });
    expect(await outboxOf(h, student.phone)).toEqual(outboxBefore);
    expect(await h.db.selectFrom('admin_idempotency').selectAll().where('key', '=', 'admin-mary:late').execute()).toEqual([]);

    // The student writing again opens a new window.
    await student.says('hello?');
    expect((await admin.ok('sendMessage', send(student.phone, 'Sorry for the delay', { key: 'admin-mary:late' }))).message.status).toBe(
      'queued',
    );
  });

  it('answers invalid_request to a request that breaks the contract, and keeps serving', async () => {
    expect(await admin.raw('chat.claim', { phone_number: '123' })).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('actor') },
    });
    expect(await admin.raw('chat.send', 'not json')).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await admin.refusal('listConversations', { actor: MARY, cursor: 'bm90LWEtY3Vyc29y' })).toMatchObject({
      code: 'invalid_request',
    });
    expect((await admin.ok('stats', { actor: MARY })).waiting_chats).toBe(0);
  });
});

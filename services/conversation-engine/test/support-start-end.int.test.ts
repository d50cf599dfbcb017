import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEXTS as T } from '../src/domain/bot';
import { correlationId, JOHN, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { MENU_IDS, registeredStudent, studentTalking } from './student-driver';
import { outboundTo, studentInLine, supportChatsOf } from './support-driver';

describe('starting and ending a support chat over the engine RPC', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  let clock: number;
  beforeEach(() => {
    clock = Date.now();
  });
  useEngineWithAdmin((world) => ({ h, admin } = world), { hooks: { now: () => new Date(clock) } });

  const command = (phone: string, actor = MARY, message?: string) => ({
    actor,
    student: phone,
    correlationId: correlationId(),
    ...(message ? { message } : {}),
  });

  it('starts a chat with a student who did not ask: theirs at once, the student told who joined, then the first message', async () => {
    const student = await registeredStudent(h);
    const before = await outboundTo(h, student.phone);
    clock += 5_000;

    const { conversation } = await admin.ok('startChat', command(student.phone, MARY, 'Hi Ada, about your maths homework'));
    expect(conversation).toMatchObject({
      state: 'support',
      is_chat_support: true,
      support_status: 'active',
      assigned_to: { id: MARY.id, name: MARY.name },
      last_message: 'Hi Ada, about your maths homework',
    });
    expect((await outboundTo(h, student.phone)).slice(before.length).map((m) => [m.author, m.kind, m.body, m.ids])).toEqual([
      ['system', 'buttons', 'Mary Jones from the school team has joined the chat.', ['end_chat']],
      ['agent', 'text', 'Hi Ada, about your maths homework', []],
    ]);
    const [chat] = await supportChatsOf(h, student.phone);
    expect(chat).toMatchObject({
      status: 'active',
      requested_by: 'agent',
      assigned_admin_id: MARY.id,
      waited_seconds: 0,
      first_response_seconds: 0,
    });

    // The student's reply reaches the team; the bot only acknowledges it once.
    expect(await student.says('Thanks, I am stuck on question 3')).toEqual([expect.objectContaining({ body: T['support.receipt'] })]);

    expect(await admin.refusal('startChat', command(student.phone, JOHN))).toMatchObject({ code: 'already_claimed' });
    const count = (await outboundTo(h, student.phone)).length;
    expect((await admin.ok('startChat', command(student.phone))).conversation.support_status).toBe('active');
    expect(await outboundTo(h, student.phone)).toHaveLength(count);
  });

  it('starting a waiting chat claims it', async () => {
    const student = await studentInLine(h);
    const { conversation } = await admin.ok('startChat', command(student.phone, JOHN));
    expect(conversation).toMatchObject({ support_status: 'active', assigned_to: { id: JOHN.id } });
    const chats = await supportChatsOf(h, student.phone);
    expect(chats.map((c) => [c.status, c.requested_by, c.assigned_admin_id])).toEqual([['active', 'student', JOHN.id]]);
  });

  it('refuses to start a chat when the 24-hour window is closed', async () => {
    const student = await registeredStudent(h);
    clock += 24 * 3600_000;
    expect(await admin.refusal('startChat', command(student.phone))).toMatchObject({ code: 'outside_service_window' });
    expect(await supportChatsOf(h, student.phone)).toEqual([]);
  });

  it("ends a chat: the admin's last message, then the main menu for a registered student", async () => {
    const student = await studentInLine(h);
    await admin.ok('claimChat', command(student.phone));
    clock += 120_000;
    const before = await outboundTo(h, student.phone);

    const { conversation } = await admin.ok('endChat', command(student.phone, JOHN, 'Glad I could help. Bye!'));
    expect(conversation).toMatchObject({ state: 'menu', is_chat_support: false, support_status: 'ended', assigned_to: null });
    const sent = (await outboundTo(h, student.phone)).slice(before.length);
    expect(sent.map((m) => [m.author, m.kind])).toEqual([
      ['agent', 'text'],
      ['bot', 'list'],
    ]);
    expect(sent[0]?.body).toBe('Glad I could help. Bye!');
    expect(sent[1]?.ids).toEqual(MENU_IDS);
    expect(sent[1]?.body).toContain(T['support.ended']);

    const [chat] = await supportChatsOf(h, student.phone);
    expect(chat).toMatchObject({
      status: 'ended',
      ended_by: 'agent',
      end_reason: 'agent',
      ended_by_admin_id: JOHN.id,
      duration_seconds: 120,
    });
    expect(await admin.refusal('endChat', command(student.phone))).toMatchObject({ code: 'chat_not_active' });

    // Back with the bot: never the registration welcome.
    expect((await student.says('menu'))[0]?.ids).toEqual(MENU_IDS);
  });

  it('resumes registration where a student who is not registered was when an admin ends the chat', async () => {
    const student = studentTalking(h);
    await student.says('hi');
    await student.says('Ada Lovelace');
    await student.says('support');
    await admin.ok('endChat', command(student.phone));
    const sent = await outboundTo(h, student.phone);
    expect(sent.at(-1)).toMatchObject({
      author: 'bot',
      kind: 'text',
      body: `${T['support.ended']}\n\nThanks, Ada Lovelace! What is your email address?`,
    });
    expect(await student.botState()).toEqual({ step: 'registration.email', name: 'Ada Lovelace' });
  });

  it('records who ended each chat, keeping one row per chat', async () => {
    const student = await studentInLine(h);
    await admin.ok('claimChat', command(student.phone));
    await student.taps('end_chat', 'End chat');
    await student.says('support');
    await admin.ok('endChat', command(student.phone));

    const chats = await supportChatsOf(h, student.phone);
    expect(chats.map((c) => [c.status, c.ended_by, c.end_reason])).toEqual([
      ['ended', 'student', 'student'],
      ['ended', 'agent', 'agent'],
    ]);
  });
});

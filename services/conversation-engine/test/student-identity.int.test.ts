import { describe, expect, it } from 'vitest';
import { sendMessageJobSchema } from '@app/contracts';
import { buildIdentityChange, newBsuid, newPhone, pollUntil } from '@app/testing';
import { correlationId, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { MENU_IDS, registeredStudent, studentTalking } from './student-driver';
import { studentInLine } from './support-driver';

// A student is one conversation whatever WhatsApp names them by (ARCHITECTURE.md invariant 8): the phone, the
// business-scoped user id (BSUID) of a student with a username, or both.

describe('students named by phone, business-scoped user id or both', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  useEngineWithAdmin((world) => ({ h, admin } = world));

  /** Every conversation holding either id: one student must never have two. */
  const conversationsOf = (ids: { phone?: string; userId?: string }) =>
    h.db
      .selectFrom('conversations')
      .selectAll()
      .where((eb) => eb.or([eb('phone_number', '=', ids.phone ?? '-'), eb('user_id', '=', ids.userId ?? '-')]))
      .execute();
  const sendJobsOf = async (conversationId: string) =>
    (
      await h.db
        .selectFrom('outbox')
        .select(['job', 'seq'])
        .where('conversation_id', '=', conversationId)
        .where('kind', '=', 'send')
        .orderBy('seq')
        .execute()
    ).map((r) => sendMessageJobSchema.parse(r.job));
  const history = async (student: string) => (await admin.ok('listMessages', { actor: MARY, student, limit: 200 })).items;

  it('registers a username-only student, takes them to support, and sends the admin answer to their user id', async () => {
    const userId = newBsuid();
    const student = await studentInLine(h, 'Ada Lovelace', { phone: null, userId, username: 'ada.codes' });
    expect(await student.conversation()).toMatchObject({
      user_id: userId,
      phone_number: null,
      username: 'ada.codes',
      support_status: 'waiting',
    });
    expect(await student.profile()).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });

    const { conversation } = await admin.ok('claimChat', { actor: MARY, student: userId, correlationId: correlationId() });
    expect(conversation).toMatchObject({
      phone_number: null,
      user_id: userId,
      username: 'ada.codes',
      support_status: 'active',
      student_name: 'Ada Lovelace',
    });
    const { message } = await admin.ok('sendMessage', {
      actor: MARY,
      student: userId,
      message: 'Hello Ada',
      idempotency_key: correlationId(),
      correlationId: correlationId(),
    });

    const row = await student.conversation();
    const jobs = await sendJobsOf(row?.id ?? '');
    const answer = jobs.find((j) => j.messageId === message.id);
    expect(answer).toMatchObject({ recipient: userId, message: { kind: 'text', body: 'Hello Ada' } });
    expect(answer).not.toHaveProperty('to');
    // Every reply of the bot went the same way.
    expect(jobs.every((j) => j.recipient === userId && j.to === undefined)).toBe(true);
    expect((await history(userId)).map((m) => m.text)).toContain('Hello Ada');
    const listed = async (q: string) => (await admin.ok('listConversations', { actor: MARY, q })).items.map((c) => c.user_id);
    expect(await listed('ada.codes')).toEqual([userId]);
    expect(await listed(userId)).toEqual([userId]);
    expect(admin.events.some((e) => e.event === 'conversation.updated' && e.user_id === userId && e.phone_number === null)).toBe(true);
  });

  it('keeps a student first seen by phone, then by both ids, then by user id only, as one conversation answered in order', async () => {
    const phone = newPhone();
    const userId = newBsuid();
    const byPhone = studentTalking(h, { phone });
    const byBoth = studentTalking(h, { phone, userId });
    const byUserId = studentTalking(h, { phone: null, userId });

    expect((await byPhone.says('hi')).map((r) => r.body)).toEqual([expect.stringContaining('full name')]);
    expect((await byBoth.says('Ada Lovelace')).map((r) => r.body)).toEqual([expect.stringContaining('email')]);
    expect((await byUserId.says('ada@example.com')).map((r) => r.kind)).toEqual(['list']);
    expect((await byUserId.picks('class:grade-9', 'Grade 9')).flatMap((r) => r.ids)).toEqual(expect.arrayContaining(MENU_IDS));

    const [only, ...others] = await conversationsOf({ phone, userId });
    expect(others).toEqual([]);
    expect(only).toMatchObject({ phone_number: phone, user_id: userId });
    const viaPhone = await history(phone);
    expect(await history(userId)).toEqual(viaPhone);
    // Each of the student's messages, then its answer: one history, in order.
    expect(viaPhone.map((m) => (m.direction === 'inbound' ? 'S' : 'r')).join('')).toMatch(/^(Sr+){4}$/);
    expect(viaPhone.filter((m) => m.direction === 'inbound').map((m) => m.text)).toEqual([
      'hi',
      'Ada Lovelace',
      'ada@example.com',
      'Grade 9',
    ]);
    // Once known, the phone is where WhatsApp sends, whatever the last payload carried.
    // An admin-api older than user ids still names the student `phone_number`: the engine reads it as `student`.
    expect(await admin.raw('conversations.messages', { actor: MARY, phone_number: phone, limit: 200 })).toEqual({
      ok: true,
      data: { items: viaPhone, next_cursor: null },
    });
    const jobs = await sendJobsOf(only?.id ?? '');
    expect(jobs).toHaveLength(viaPhone.filter((m) => m.direction === 'outbound').length);
    expect(jobs.map((j) => [j.to, j.recipient])).toEqual(jobs.map(() => [phone, undefined]));
  });

  it('moves a conversation to the new user id of user_changed_user_id, stores the notice and does not answer it', async () => {
    const oldId = newBsuid();
    const newId = newBsuid();
    const student = await registeredStudent(h, 'Ada Lovelace', { phone: null, userId: oldId });
    const before = await h.conversationRows(oldId);

    const notice = buildIdentityChange({ type: 'user_changed_user_id', fromUserId: oldId, newUserId: newId });
    await h.publishMessage(notice);
    await pollUntil(async () => (await h.conversationRows(newId)).conversation !== undefined, {
      message: 'conversation moved to the new user id',
    });

    const after = await h.conversationRows(newId);
    expect(after.conversation).toMatchObject({ id: before.conversation?.id, user_id: newId, bot_state: before.conversation?.bot_state });
    expect(after.conversation?.last_inbound_at).toEqual(before.conversation?.last_inbound_at);
    expect(after.messages.slice(0, -1).map((m) => m.id)).toEqual(before.messages.map((m) => m.id));
    expect(after.messages.at(-1)).toMatchObject({
      wamid: notice.id,
      author: 'system',
      direction: 'inbound',
      type: 'system',
      text: 'User changed their WhatsApp account',
    });
    // Decision: the replaced id names nobody any more (Meta never sends it again); the new one finds the student.
    expect((await h.conversationRows(oldId)).conversation).toBeUndefined();
    expect(await admin.refusal('listMessages', { actor: MARY, student: oldId })).toMatchObject({ code: 'not_found' });
    expect((await history(newId)).at(-1)).toMatchObject({ author: 'system', text: 'User changed their WhatsApp account' });
    expect(await conversationsOf({ userId: newId })).toHaveLength(1);

    // Still registered under the new id: the menu, not the registration.
    const again = studentTalking(h, { phone: null, userId: newId });
    expect((await again.says('menu')).flatMap((r) => r.ids)).toEqual(expect.arrayContaining(MENU_IDS));
    expect(student.userId).toBe(oldId);
  });

  it('moves the phone of customer_changed_number, and the student goes on from the new number', async () => {
    const oldPhone = newPhone();
    const newNumber = newPhone();
    await registeredStudent(h, 'Ada Lovelace', { phone: oldPhone });
    const before = await h.conversationRows(oldPhone);

    await h.publishMessage(buildIdentityChange({ type: 'customer_changed_number', from: oldPhone, newPhone: newNumber }));
    await pollUntil(async () => (await h.conversationRows(newNumber)).conversation !== undefined, {
      message: 'conversation moved to the new number',
    });

    expect((await h.conversationRows(newNumber)).conversation).toMatchObject({ id: before.conversation?.id, phone_number: newNumber });
    expect((await h.conversationRows(oldPhone)).conversation).toBeUndefined();
    const moved = studentTalking(h, { phone: newNumber });
    expect((await moved.says('menu')).flatMap((r) => r.ids)).toEqual(expect.arrayContaining(MENU_IDS));
    const jobs = await sendJobsOf(before.conversation?.id ?? '');
    expect(jobs.at(-1)?.to).toBe(newNumber);
  });

  it('merges a conversation known by phone and one known by user id when a payload links them, losing nothing', async () => {
    const phone = newPhone();
    const userId = newBsuid();
    const byPhone = await studentInLine(h, 'Ada Lovelace', { phone });
    const byUserId = studentTalking(h, { phone: null, userId, username: 'ada.codes' });
    await byUserId.says('hello?');
    const [registered, stranger] = [await byPhone.conversation(), await byUserId.conversation()];
    expect(registered?.id).not.toBe(stranger?.id);
    const ids = [registered?.id ?? '', stranger?.id ?? ''];
    const messagesBefore = await h.db.selectFrom('messages').select('id').where('conversation_id', 'in', ids).execute();

    const byBoth = studentTalking(h, { phone, userId });
    await byBoth.says('still waiting');

    const [merged, ...others] = await conversationsOf({ phone, userId });
    expect(others).toEqual([]);
    // The registered conversation survives, with both ids, the username, and its place in the support line.
    expect(merged).toMatchObject({
      id: registered?.id,
      phone_number: phone,
      user_id: userId,
      username: 'ada.codes',
      support_status: 'waiting',
    });
    expect(
      await h.db
        .selectFrom('conversations')
        .select('id')
        .where('id', '=', stranger?.id ?? '')
        .execute(),
    ).toEqual([]);
    const messages = await h.db
      .selectFrom('messages')
      .select(['id', 'conversation_id', 'text'])
      .where('conversation_id', 'in', ids)
      .orderBy('seq')
      .execute();
    expect(messages.every((m) => m.conversation_id === registered?.id)).toBe(true);
    expect(messages.map((m) => m.id)).toEqual(expect.arrayContaining(messagesBefore.map((m) => m.id)));
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
    expect(messages.map((m) => m.text)).toEqual(expect.arrayContaining(['hello?', 'still waiting']));
    expect(await h.db.selectFrom('students').select('name').where('conversation_id', 'in', ids).execute()).toEqual([
      { name: 'Ada Lovelace' },
    ]);
    expect(
      await h.db.selectFrom('support_chats').select(['conversation_id', 'status']).where('conversation_id', 'in', ids).execute(),
    ).toEqual([{ conversation_id: registered?.id, status: 'waiting' }]);
    const outbox = await h.db.selectFrom('outbox').select('conversation_id').where('conversation_id', 'in', ids).execute();
    expect(outbox.every((o) => o.conversation_id === registered?.id)).toBe(true);
    expect(await history(userId)).toEqual(await history(phone));
  });

  it('merges the conversation a new user id already had into the one announced by user_changed_user_id', async () => {
    const oldId = newBsuid();
    const newId = newBsuid();
    const student = await registeredStudent(h, 'Ada Lovelace', { phone: null, userId: oldId });
    // The new id's first message arrived before Meta's notice (another partition): a second conversation.
    await studentTalking(h, { phone: null, userId: newId }).says('hi again');
    const original = await student.conversation();

    await h.publishMessage(buildIdentityChange({ type: 'user_changed_user_id', fromUserId: oldId, newUserId: newId }));
    await pollUntil(async () => (await conversationsOf({ userId: oldId })).length === 0, { message: 'old id merged away' });

    const [merged, ...others] = await conversationsOf({ userId: newId });
    expect(others).toEqual([]);
    expect(merged).toMatchObject({ id: original?.id, user_id: newId });
    expect((await history(newId)).map((m) => m.text)).toEqual(
      expect.arrayContaining(['Ada Lovelace', 'hi again', 'User changed their WhatsApp account']),
    );
  });
});

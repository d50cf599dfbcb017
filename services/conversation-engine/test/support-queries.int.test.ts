import { beforeEach, describe, expect, it } from 'vitest';
import type { ConversationView } from '@app/contracts';
import { newPhone } from '@app/testing';
import { correlationId, JOHN, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { registeredStudent, studentTalking } from './student-driver';
import { studentInLine } from './support-driver';

// A fixed noon (UTC): "today" for the stats cannot cross midnight while a test runs.
const NOON = Date.parse('2026-11-23T12:00:00Z');

describe('what admins read over the engine RPC', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  let clock: number;
  beforeEach(() => {
    clock = NOON;
  });
  useEngineWithAdmin((world) => ({ h, admin } = world), { hooks: { now: () => new Date(clock) } });

  const command = (phone: string, actor = MARY) => ({ actor, student: phone, correlationId: correlationId() });
  const sendAs = (actor: typeof MARY, phone: string, message: string) =>
    admin.ok('sendMessage', { actor, student: phone, message, idempotency_key: correlationId(), correlationId: correlationId() });
  const list = async (filter: { chat_support?: boolean; status?: 'none' | 'waiting' | 'active' | 'ended'; q?: string } = {}) =>
    (await admin.ok('listConversations', { actor: MARY, ...filter })).items.map((c) => c.phone_number);

  it('lists conversations by last activity with support filters, search and a stable cursor', async () => {
    const ada = await studentInLine(h, 'Ada Lovelace');
    clock += 60_000;
    const grace = await registeredStudent(h, 'Grace Hopper');
    clock += 60_000;
    const alan = await studentInLine(h, 'Alan Turing');
    await admin.ok('claimChat', command(alan.phone, JOHN));
    clock += 60_000;
    const newcomer = studentTalking(h, { profileName: 'Katherine 50%_Johnson' });
    await newcomer.says('hello');
    const everyone = [newcomer.phone, alan.phone, grace.phone, ada.phone];

    expect(await list()).toEqual(everyone);
    expect(await list({ chat_support: true })).toEqual([alan.phone, ada.phone]);
    expect(await list({ chat_support: false })).toEqual([newcomer.phone, grace.phone]);
    expect(await list({ status: 'waiting' })).toEqual([ada.phone]);
    expect(await list({ status: 'active' })).toEqual([alan.phone]);
    expect(await list({ q: 'ADA lov' })).toEqual([ada.phone]);
    expect(await list({ q: ada.phone.slice(2, 9) })).toEqual([ada.phone]);
    expect(await list({ q: 'katherine' })).toEqual([newcomer.phone]);
    // LIKE's wildcards are searched for as they are.
    expect(await list({ q: '50%_' })).toEqual([newcomer.phone]);
    expect(await list({ q: '%' })).toEqual([newcomer.phone]);
    expect(await list({ q: 'a_a' })).toEqual([]);

    const pages: ConversationView[][] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.ok('listConversations', { actor: MARY, limit: 3, ...(cursor ? { cursor } : {}) });
      pages.push(page.items);
      cursor = page.next_cursor ?? undefined;
      // A student writing between pages moves to the top without shifting the pages still to come.
      if (pages.length === 1) {
        clock += 60_000;
        await grace.says('menu');
      }
    } while (cursor);
    expect(pages.map((p) => p.map((c) => c.phone_number))).toEqual([[newcomer.phone, alan.phone, grace.phone], [ada.phone]]);

    const [first] = pages;
    expect(first?.[1]).toEqual({
      phone_number: alan.phone,
      user_id: null,
      username: null,
      student_name: 'Alan Turing',
      state: 'support',
      is_chat_support: true,
      support_status: 'active',
      assigned_to: { id: JOHN.id, name: JOHN.name },
      last_message: 'John Smith from the school team has joined the chat.',
      last_message_time: new Date(NOON + 120_000).toISOString(),
      unread_count: 5,
      service_window_expires_at: new Date(NOON + 120_000 + 24 * 3600_000).toISOString(),
      labels: [],
    });
    expect(first?.[0]).toMatchObject({
      student_name: 'Katherine 50%_Johnson',
      state: 'registration.name',
      support_status: 'none',
      assigned_to: null,
    });
  });

  it("counts the student's messages since an admin last read the conversation", async () => {
    const student = await studentInLine(h);
    const unread = async () => (await admin.ok('listConversations', { actor: MARY })).items[0]?.unread_count;
    expect(await unread()).toBe(5);
    await student.says('are you there?');
    expect(await unread()).toBe(6);

    const { conversation } = await admin.ok('markRead', command(student.phone));
    expect(conversation.unread_count).toBe(0);
    await sendAs(MARY, student.phone, 'Yes, here!');
    expect(await unread()).toBe(0);
    await student.says('great');
    expect(await unread()).toBe(1);
    // Shared by the team: another admin sees the same count.
    expect((await admin.ok('listConversations', { actor: JOHN })).items[0]?.unread_count).toBe(1);
    expect(await admin.refusal('markRead', command(newPhone()))).toMatchObject({ code: 'not_found' });
  });

  it("pages a conversation's messages back in time, each page oldest to newest, with authors and delivery status", async () => {
    const student = await studentInLine(h);
    await sendAs(MARY, student.phone, 'Hello from Mary');
    await student.says('thanks');
    const failed = await sendAs(JOHN, student.phone, 'Hello from John');
    await h.publishSendResult({
      outcome: 'failed',
      messageId: failed.message.id,
      attempts: 1,
      error: { code: 131026, title: 'Message undeliverable', class: 'permanent' },
    });
    const { messages } = await h.conversationRows(student.phone);
    await expect
      .poll(async () => (await h.conversationRows(student.phone)).messages.find((m) => m.id === failed.message.id)?.status)
      .toBe('failed');

    const pages: string[][] = [];
    let before: string | undefined;
    do {
      const page = await admin.ok('listMessages', { actor: MARY, student: student.phone, limit: 4, ...(before ? { before } : {}) });
      pages.push(page.items.map((m) => m.id));
      before = page.next_cursor ?? undefined;
    } while (before);
    expect(pages[0]).toEqual(messages.slice(-4).map((m) => m.id));
    expect(pages.reverse().flat()).toEqual(messages.map((m) => m.id));

    const newest = await admin.ok('listMessages', { actor: MARY, student: student.phone, limit: 5 });
    expect(newest.items.map((m) => [m.direction, m.author, m.agent_name, m.text])).toEqual([
      ['outbound', 'system', null, 'Mary Jones from the school team has joined the chat.'],
      ['outbound', 'agent', 'Mary Jones', 'Hello from Mary'],
      ['inbound', 'student', null, 'thanks'],
      ['outbound', 'bot', null, 'Your message was passed to our team.'],
      ['outbound', 'agent', 'John Smith', 'Hello from John'],
    ]);
    expect(newest.items[2]).toMatchObject({ type: 'text', status: 'received', error: null });
    expect(newest.items[4]).toMatchObject({ status: 'failed', error: { code: 131026, title: 'Message undeliverable' } });

    expect(await admin.refusal('listMessages', { actor: MARY, student: newPhone() })).toMatchObject({ code: 'not_found' });
    expect(await admin.refusal('listMessages', { actor: MARY, student: student.phone, before: 'bm9wZQ' })).toMatchObject({
      code: 'invalid_request',
    });
  });

  it('sums up the line: waiting and active chats, the longest wait, chats today and the median first response', async () => {
    const waiting = await studentInLine(h, 'Student Waiting');
    const quick = await studentInLine(h, 'Student Quick');
    clock += 30_000;
    await sendAs(MARY, quick.phone, 'Hi!');
    const slow = await studentInLine(h, 'Student Slow');
    clock += 90_000;
    await sendAs(JOHN, slow.phone, 'Sorry for the wait');
    const claimedOnly = await studentInLine(h, 'Student Claimed');
    await admin.ok('claimChat', command(claimedOnly.phone));
    // Yesterday's chats do not count for today.
    await h.db
      .updateTable('support_chats')
      .set({ requested_at: new Date(NOON - 24 * 3600_000) })
      .where('status', '=', 'waiting')
      .execute();
    const yesterday = await admin.ok('stats', { actor: MARY });
    expect(yesterday).toEqual({
      waiting_chats: 1,
      active_chats: 3,
      oldest_waiting_since: new Date(NOON - 24 * 3600_000).toISOString(),
      chats_today: 3,
      median_first_response_seconds: 60,
      billable_today: {},
      // Office hours not configured: always open, nothing arrived while closed.
      arrived_while_closed_today: 0,
      open_arrived_while_closed: 0,
      office_hours: { enabled: false, open_now: true, next_change_at: null, next_change_label: null },
    });
    await admin.ok('endChat', command(waiting.phone));
    expect(await admin.ok('stats', { actor: MARY })).toMatchObject({ waiting_chats: 0, oldest_waiting_since: null, chats_today: 3 });
  });
});

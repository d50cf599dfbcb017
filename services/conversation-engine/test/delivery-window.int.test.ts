import { describe, expect, it } from 'vitest';
import { newPhone, pollUntil } from '@app/testing';
import { correlationId, MARY, type AdminRpc } from './admin-rpc';
import { deliveryDriver, type DeliveryDriver } from './delivery-driver';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { describeReply } from './student-driver';
import { outboxOf, studentInLine } from './support-driver';

const outsideWindow = { code: 131047, title: 'Re-engagement message', class: 'permanent' } as const;

describe('the 24-hour window as Meta enforces it, and the re-engagement template', () => {
  let h: EngineHarness;
  let d: DeliveryDriver;
  let admin: AdminRpc;
  useEngineWithAdmin(
    (world) => {
      ({ h, admin } = world);
      d = deliveryDriver(h);
    },
    { env: { WHATSAPP_REENGAGEMENT_TEMPLATE: 'school_reengagement', WHATSAPP_REENGAGEMENT_TEMPLATE_PARAMS: 'student_name' } },
  );

  const send = (phone: string, message: string, key = correlationId()) => ({
    actor: MARY,
    student: phone,
    message,
    idempotency_key: key,
    correlationId: correlationId(),
  });
  const template = (phone: string, key = correlationId()) => ({
    actor: MARY,
    student: phone,
    idempotency_key: key,
    correlationId: correlationId(),
  });
  const conversationOf = async (phone: string) => (await admin.ok('listConversations', { actor: MARY, q: phone })).items[0];

  /** A student in an active chat with Mary, whose message Meta then refuses as outside the window. */
  async function refusedByMeta(how: 'send result' | 'status webhook') {
    const student = await studentInLine(h);
    const { message } = await admin.ok('sendMessage', send(student.phone, 'Are you still there?'));
    if (how === 'send result') {
      await d.sendResult({ outcome: 'failed', messageId: message.id, error: outsideWindow, attempts: 1 });
    } else {
      const wamid = `wamid.OUT-${message.id}`;
      await d.sendResult({ outcome: 'accepted', messageId: message.id, wamid, attempts: 1 });
      await d.messageWhen(message.id, (m) => m.status === 'sent', 'sent');
      await d.status(student.phone, wamid, 'failed', [{ code: 131047, title: 'Re-engagement message' }]);
    }
    await d.messageWhen(message.id, (m) => m.status === 'failed', 'the refusal recorded');
    return { student, message };
  }

  it.each(['send result', 'status webhook'] as const)(
    'closes the window on 131047 (%s): the next send is refused before anything is queued',
    async (how) => {
      const { student } = await refusedByMeta(how);
      const closed = await pollUntil(
        async () => {
          const c = await conversationOf(student.phone);
          return c && c.service_window_expires_at !== null && Date.parse(c.service_window_expires_at) <= Date.now() ? c : undefined;
        },
        { message: 'the window shown closed' },
      );
      expect(closed.support_status).toBe('active');
      // Consoles hear of it live (their composer offers the template).
      await pollUntil(
        () =>
          admin
            .eventsFor(student.phone)
            .some(
              (e) => e.event === 'conversation.updated' && e.conversation?.service_window_expires_at === closed.service_window_expires_at,
            ),
        { message: 'the conversation.updated event of the closed window' },
      );

      const outboxBefore = await outboxOf(h, student.phone);
      expect(await admin.refusal('sendMessage', send(student.phone, 'Hello?'))).toMatchObject({ code: 'outside_service_window' });
      expect(await outboxOf(h, student.phone)).toEqual(outboxBefore);

      // The student writing again reopens it.
      await student.says('sorry, I was away');
      expect((await admin.ok('sendMessage', send(student.phone, 'Welcome back!'))).message.status).toBe('queued');
    },
  );

  it('sends the configured template outside the window, as the admin, with the student name as its parameter', async () => {
    const { student } = await refusedByMeta('send result');
    const key = correlationId();
    const { message } = await admin.ok('sendTemplate', template(student.phone, key));
    expect(message).toMatchObject({
      direction: 'outbound',
      author: 'agent',
      agent_name: MARY.name,
      type: 'template',
      text: '[template school_reengagement]',
      status: 'queued',
      media: null,
    });

    const row = await d.message(message.id);
    expect(describeReply(row.content).message).toEqual({
      kind: 'template',
      name: 'school_reengagement',
      language: 'en',
      bodyParameters: ['Ada Lovelace'],
    });
    expect((await outboxOf(h, student.phone)).at(-1)?.message_id).toBe(message.id);
    // The same key again: the first answer, nothing new queued.
    expect((await admin.ok('sendTemplate', template(student.phone, key))).message.id).toBe(message.id);
    expect((await outboxOf(h, student.phone)).filter((o) => o.message_id === message.id)).toHaveLength(1);
    // Still closed for free-form messages: only the student's answer opens it.
    expect(await admin.refusal('sendMessage', send(student.phone, 'Hello?'))).toMatchObject({ code: 'outside_service_window' });
  });

  it('leaves the window alone for a refusal of a message written before the student wrote again', async () => {
    const student = await studentInLine(h);
    const { message } = await admin.ok('sendMessage', send(student.phone, 'Are you still there?'));
    await student.says('yes, here');
    await d.sendResult({ outcome: 'failed', messageId: message.id, error: outsideWindow, attempts: 1 });
    await d.messageWhen(message.id, (m) => m.status === 'failed', 'the refusal recorded');
    expect((await h.conversationRows(student.phone)).conversation?.service_window_closed_at).toBeNull();
    expect((await admin.ok('sendMessage', send(student.phone, 'Great'))).message.status).toBe('queued');
  });

  it('answers not_found for a number that never wrote', async () => {
    expect(await admin.refusal('sendTemplate', template(newPhone()))).toMatchObject({ code: 'not_found' });
  });

  it('queues the template behind what was written before, in the student order', async () => {
    const student = await studentInLine(h);
    const { message } = await admin.ok('sendTemplate', template(student.phone));
    // The bot's replies to the student have no outcome yet: the template waits for them.
    expect(await d.heldBack(message.id)).toBe(true);
    for (const reply of (await h.conversationRows(student.phone)).messages.filter(
      (m) => m.direction === 'outbound' && m.id !== message.id,
    )) {
      await d.sendResult({ outcome: 'accepted', messageId: reply.id, wamid: `wamid.OUT-${reply.id}`, attempts: 1 });
    }
    const job = await d.outboundJob(message.id);
    expect(job).toMatchObject({
      name: 'send-message',
      data: { to: student.phone, message: { kind: 'template', name: 'school_reengagement' } },
    });
  });
});

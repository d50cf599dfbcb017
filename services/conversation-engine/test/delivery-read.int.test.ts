import { beforeEach, describe, expect, it } from 'vitest';
import { markReadJobSchema } from '@app/contracts';
import { pollUntil } from '@app/testing';
import { correlationId, MARY, type AdminRpc } from './admin-rpc';
import { deliveryDriver, type DeliveryDriver } from './delivery-driver';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { registeredStudent, type StudentTalking } from './student-driver';
import { studentInLine } from './support-driver';

const DAY_MS = 24 * 3600_000;

describe("marking the student's messages read when an admin opens the conversation", () => {
  let h: EngineHarness;
  let d: DeliveryDriver;
  let admin: AdminRpc;
  let clock: number;
  beforeEach(() => {
    clock = Date.now();
  });
  useEngineWithAdmin(
    (world) => {
      ({ h, admin } = world);
      d = deliveryDriver(h);
    },
    { hooks: { now: () => new Date(clock) } },
  );

  const open = (phone: string) => admin.ok('markRead', { actor: MARY, student: phone, correlationId: correlationId() });
  const newestInbound = async (student: StudentTalking) =>
    (await h.conversationRows(student.phone)).messages.filter((m) => m.direction === 'inbound').at(-1)!;
  const markReadJobs = async () =>
    (await d.outboundJobs()).filter((j) => j.name === 'mark-read').map((j) => ({ id: j.id, data: markReadJobSchema.parse(j.data) }));

  it('queues one mark-read, with a typing indicator, for the newest message of a student waiting for support', async () => {
    const student = await studentInLine(h);
    await d.settleAll(student.phone);
    const newest = await newestInbound(student);

    await open(student.phone);
    await open(student.phone);
    const [job] = await pollUntil(async () => ((await markReadJobs()).length > 0 ? markReadJobs() : undefined), {
      message: 'the mark-read job',
    });
    expect(job?.data).toEqual({
      version: 1,
      requestId: job?.id,
      to: student.phone,
      wamid: newest.wamid,
      typingIndicator: true,
      correlationId: expect.any(String),
    });
    const rows = await d.outboxRows(student.phone, 'mark_read');
    expect(rows.map((r) => [r.id, r.message_id])).toEqual([[job?.id, newest.id]]);
    expect((await admin.ok('listConversations', { actor: MARY, q: student.phone })).items[0]?.unread_count).toBe(0);
  });

  it("holds the admin's reply until the read result, failed or not, so the ticks come first", async () => {
    const student = await studentInLine(h);
    await d.settleAll(student.phone);
    await open(student.phone);
    const [markRead] = await d.outboxRows(student.phone, 'mark_read');
    await d.outboundJob(markRead!.id);

    const { message } = await admin.ok('sendMessage', {
      actor: MARY,
      student: student.phone,
      message: 'Hi Ada',
      idempotency_key: correlationId(),
      correlationId: correlationId(),
    });
    const sends = (await d.outboxRows(student.phone, 'send')).slice(-2);
    expect(sends.map((r) => r.seq > markRead!.seq)).toEqual([true, true]);
    expect(await d.heldBack(sends[0]!.id)).toBe(true);

    await d.readResult({
      outcome: 'failed',
      requestId: markRead!.id,
      wamid: 'wamid.X',
      attempts: 1,
      error: { code: 131009, title: 'Parameter value is not valid', class: 'permanent' },
    });
    const joined = await d.outboundJob(sends[0]!.id);
    expect(joined.name).toBe('send-message');
    // The agent's message still waits for the "joined" notice before it, as always.
    expect(await d.heldBack(message.id)).toBe(true);
    await d.settleAll(student.phone);
    await d.outboundJob(message.id);
  });

  it('marks the next message when the student writes again, and no more for the same one', async () => {
    const student = await studentInLine(h);
    await d.settleAll(student.phone);
    await open(student.phone);
    const first = (await d.outboxRows(student.phone, 'mark_read'))[0]!;
    await d.readResult({ outcome: 'accepted', requestId: first.id, wamid: 'wamid.X', attempts: 1 });
    await pollUntil(async () => (await d.outboxRows(student.phone, 'mark_read'))[0]?.completed_at, { message: 'the read result recorded' });

    await student.says('one more thing');
    await open(student.phone);
    const rows = await d.outboxRows(student.phone, 'mark_read');
    expect(rows.map((r) => r.message_id)).toEqual([first.message_id, (await newestInbound(student)).id]);
  });

  it('shows no typing indicator to a student who is not in a support chat', async () => {
    const student = await registeredStudent(h);
    await d.settleAll(student.phone);
    await open(student.phone);
    const [job] = await pollUntil(async () => ((await markReadJobs()).length > 0 ? markReadJobs() : undefined), {
      message: 'the mark-read job',
    });
    expect(job?.data).toMatchObject({ to: student.phone, typingIndicator: false });
  });

  it("asks nothing once the student's 24-hour window has closed", async () => {
    const student = await registeredStudent(h);
    clock += DAY_MS + 1_000;
    await open(student.phone);
    expect(await d.outboxRows(student.phone, 'mark_read')).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { pollUntil } from '@app/testing';
import { DEFAULT_TEXTS as T } from '../src/domain/bot';
import { refreshQueuePositions } from '../src/use-cases/support/refresh-queue-positions';
import { correlationId, JOHN, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import type { StudentTalking } from './student-driver';
import { outboundTo, studentInLine, supportChatsOf } from './support-driver';

const inLine = (n: number) => `You are number ${n} in line.`;

describe('the support line and the sweep', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  let clock: number;
  beforeEach(() => {
    clock = Date.now();
  });
  // A sweep every 100 ms of real time; what it does depends only on the test's clock.
  useEngineWithAdmin((world) => ({ h, admin } = world), {
    hooks: { now: () => new Date(clock) },
    env: { ENGINE_SUPPORT_SWEEP_INTERVAL_MS: '100' },
  });

  const claim = (student: StudentTalking, actor = MARY) =>
    admin.ok('claimChat', { actor, student: student.phone, correlationId: correlationId() });
  /** The place-in-line notices a student got after joining, in order. */
  const notices = async (student: StudentTalking) =>
    (await outboundTo(h, student.phone)).filter((m) => m.author === 'system' && m.kind === 'text').map((m) => m.body);
  const line = async (count: number) => {
    const students: StudentTalking[] = [];
    for (let i = 0; i < count; i++) students.push(await studentInLine(h, `Student ${String.fromCharCode(65 + i)}`));
    return students;
  };

  it('tells three waiting students their place and moves them up when the first is claimed', async () => {
    const [a, b, c] = await line(3);
    for (const [student, place] of [
      [a!, 1],
      [b!, 2],
      [c!, 3],
    ] as const) {
      const joined = (await outboundTo(h, student.phone)).find((m) => m.ids.includes('end_chat'));
      expect(joined?.body).toBe(`${T['support.started']}\n\n${inLine(place)}`);
    }

    clock += 61_000;
    await claim(a!);
    // Told before the claim is answered: the front always, an improvement after a quiet minute.
    expect(await notices(b!)).toEqual([inLine(1)]);
    expect(await notices(c!)).toEqual([inLine(2)]);

    // Seconds later the next claim moves c to the front: said at once, the minute does not hold it back.
    clock += 5_000;
    await claim(b!, JOHN);
    expect(await notices(c!)).toEqual([inLine(2), inLine(1)]);
    expect(await notices(a!)).toEqual([]);
  });

  it('holds back an improvement told less than a minute ago, and says it once the minute has passed', async () => {
    const [a, b, c, d] = await line(4);
    clock += 10_000;
    await claim(a!);
    expect(await notices(b!)).toEqual([inLine(1)]);
    expect(await notices(c!)).toEqual([]);
    expect(await notices(d!)).toEqual([]);

    clock += 60_000;
    await pollUntil(async () => (await notices(d!)).length === 1, { message: 'the sweep telling the held-back places' });
    expect(await notices(c!)).toEqual([inLine(2)]);
    expect(await notices(d!)).toEqual([inLine(3)]);
    // Nothing more to say: another run tells no one.
    const again = await refreshQueuePositions({ db: h.db, now: () => new Date(clock), newId: randomUUID });
    expect(again.changes.messagesCreated).toEqual([]);
    expect(await notices(b!)).toEqual([inLine(1)]);
  });

  it('moves the line up when a student leaves it, and says nothing to those who did not move', async () => {
    const [a, b, c] = await line(3);
    clock += 61_000;
    await b!.taps('end_chat', 'End chat');
    await pollUntil(async () => (await notices(c!)).length === 1, { message: 'the student behind told' });
    expect(await notices(c!)).toEqual([inLine(2)]);
    expect(await notices(a!)).toEqual([]);
    expect((await supportChatsOf(h, b!.phone))[0]).toMatchObject({ status: 'ended', ended_by: 'student', end_reason: 'student' });
  });

  it("ends chats whose student's 24-hour window closed, without a message, and tells the one left that they are next", async () => {
    const [waiting, active] = await line(2);
    await claim(active!);
    clock += 2 * 3600_000;
    const [recent] = await line(1);
    expect((await outboundTo(h, recent!.phone)).at(-1)?.body).toContain(inLine(2));
    const sentBefore = (await outboundTo(h, waiting!.phone)).length + (await outboundTo(h, active!.phone)).length;

    clock += 22 * 3600_000 + 60_000;
    await pollUntil(async () => (await supportChatsOf(h, active!.phone))[0]?.status === 'ended', { message: 'the sweep ending the chats' });
    for (const student of [waiting!, active!]) {
      const [chat] = await supportChatsOf(h, student.phone);
      expect(chat).toMatchObject({ status: 'ended', ended_by: 'system', end_reason: 'service_window_closed' });
      expect(await student.conversation()).toMatchObject({ support_status: 'ended', bot_state: { step: 'menu' } });
      const updated = await pollUntil(() =>
        admin.eventsFor(student.phone).find((e) => e.event === 'conversation.updated' && e.conversation?.support_status === 'ended'),
      );
      expect(updated.conversation).toMatchObject({ is_chat_support: false, assigned_to: null, state: 'menu' });
    }
    expect((await outboundTo(h, waiting!.phone)).length + (await outboundTo(h, active!.phone)).length).toBe(sentBefore);

    expect((await supportChatsOf(h, recent!.phone))[0]?.status).toBe('waiting');
    await pollUntil(async () => (await notices(recent!)).includes(inLine(1)), { message: 'the student left in line told they are next' });
    expect(admin.invalidEvents).toEqual([]);
  });
});

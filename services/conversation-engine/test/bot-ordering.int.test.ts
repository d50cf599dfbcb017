import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTextMessage, newPhone, pollUntil } from '@app/testing';
import { DEFAULT_TEXTS as T } from '../src/domain/bot';
import { createEngineHarness, type EngineHarness } from './engine-harness';
import { describeReply } from './student-driver';

const STUDENTS = 20;

/** Five messages whose replies only make sense in this order (a registration with one bad email). */
const script = (k: number) => {
  const name = `Student ${String.fromCharCode(65 + (k % 26))}${String.fromCharCode(97 + Math.floor(k / 26))}`;
  return {
    name,
    texts: ['hi', name, 'not-an-email', `student${k}@example.com`, 'Form 4B'],
    replies: [
      [['text', T['registration.welcome']]],
      [['text', `Thanks, ${name}! What is your email address?`]],
      [['text', `${T['registration.email_invalid']}\n\nThanks, ${name}! What is your email address?`]],
      [['list', T['registration.ask_class']]],
      [
        ['text', `You're registered! \u2705\nName: ${name}\nEmail: student${k}@example.com\nClass: Form 4B`],
        ['list', T['menu.body']],
      ],
    ],
  };
};

type Student = ReturnType<typeof script> & { phone: string; published: { wamid: string; correlationId: string }[] };

describe('ordering across engine replicas', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await createEngineHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const publishAll = async (students: Student[]) =>
    // Each student's five messages go out back to back (each one stored by JetStream before the next); all
    // students at once, so their messages interleave on the stream and across partitions.
    Promise.all(
      students.map(async (s) => {
        for (const text of s.texts) {
          const event = await h.publishMessage(buildTextMessage({ from: s.phone, text }));
          s.published.push({ wamid: event.id, correlationId: event.correlationId });
        }
      }),
    );

  const expectInOrder = async (students: Student[]) => {
    const expectedRows = 5 + 6;
    await pollUntil(
      async () => {
        const counts = await h.db
          .selectFrom('messages')
          .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
          .select(['conversations.phone_number', h.db.fn.countAll<number>().as('n')])
          .groupBy('conversations.phone_number')
          .execute();
        return counts.length === students.length && counts.every((c) => Number(c.n) === expectedRows);
      },
      { message: 'every message of every student processed', timeoutMs: 45_000 },
    );

    for (const s of students) {
      const { messages } = await h.conversationRows(s.phone);
      const inbound = messages.filter((m) => m.direction === 'inbound');
      expect(
        inbound.map((m) => m.wamid),
        s.name,
      ).toEqual(s.published.map((p) => p.wamid));

      // Each inbound row is followed by its own replies, before the next inbound row.
      const thread: [string, string][][] = [];
      for (const m of messages) {
        if (m.direction === 'inbound') thread.push([]);
        else {
          expect(m.correlation_id, s.name).toBe(s.published[thread.length - 1]?.correlationId);
          const reply = describeReply(m.content);
          thread.at(-1)!.push([reply.kind, reply.body]);
        }
      }
      expect(thread, s.name).toEqual(s.replies);
      expect((await h.conversationRows(s.phone)).conversation?.bot_state).toEqual({ step: 'menu' });
    }
  };

  const newStudents = (count: number): Student[] =>
    Array.from({ length: count }, (_, k) => ({ phone: newPhone(), ...script(k), published: [] }));

  it('keeps each student in order with two engines on one stream: inbound stored and replies written in publish order', async () => {
    const handledBy = [0, 0];
    await h.start({ afterCommit: async () => void handledBy[0]!++ });
    await h.start({ afterCommit: async () => void handledBy[1]!++ });
    await h.partitionsShared(2);

    const students = newStudents(STUDENTS);
    await publishAll(students);
    await expectInOrder(students);
    // Both replicas took part (16 partitions shared between them).
    expect(handledBy[0]! + handledBy[1]!).toBeGreaterThanOrEqual(STUDENTS * 5);
    expect(handledBy.every((n) => n > 0)).toBe(true);
  });

  it('keeps each student in order while a second engine joins in the middle of a burst and takes half the partitions', async () => {
    const handledBy = [0, 0];
    await h.start({ afterCommit: async () => void handledBy[0]!++ });
    await h.partitionsShared(1);
    const students = newStudents(STUDENTS * 2);
    const burst = publishAll(students);
    await h.start({ afterCommit: async () => void handledBy[1]!++ });
    await burst;
    await h.partitionsShared(2);
    await expectInOrder(students);
    expect(handledBy[0]! + handledBy[1]!).toBeGreaterThanOrEqual(students.length * 5);
  });

  it('keeps each student in order when an engine stops in the middle of a burst and the other takes its partitions', async () => {
    const first = await h.start();
    await h.start();
    await h.partitionsShared(2);
    const students = newStudents(STUDENTS * 2);
    const burst = publishAll(students);
    await first.stop();
    await burst;
    await h.partitionsShared(1);
    await expectInOrder(students);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newPhone, pollUntil, signIn, type AdminSession, type RunningSystem } from '@app/testing';
import { correlationId, JOHN, MARY, type AdminRpc } from './admin-rpc';
import { createEngineHarness, useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { registeredStudent } from './student-driver';
import { outboxOf, studentInLine, supportChatsOf } from './support-driver';

const note = (student: string, text: string, actor = MARY) => ({ actor, student, text, correlationId: correlationId() });

describe('private notes in a thread, over the engine RPC', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  let clock: number;
  beforeEach(() => {
    clock = Date.now();
  });
  useEngineWithAdmin((world) => ({ h, admin } = world), { hooks: { now: () => new Date(clock) } });

  it('stores a note in the history in order, as private, and publishes it as message.created', async () => {
    const student = await studentInLine(h);
    await admin.ok('claimChat', { actor: MARY, student: student.phone, correlationId: correlationId() });
    clock += 5_000;
    const { message } = await admin.ok('addNote', note(student.phone, '  Asked about the Grade 9 exam timetable twice already.  ', JOHN));
    expect(message).toEqual({
      id: expect.any(String),
      private: true,
      direction: 'outbound',
      author: 'agent',
      agent_name: JOHN.name,
      type: 'note',
      text: 'Asked about the Grade 9 exam timetable twice already.',
      status: 'received',
      error: null,
      created_at: new Date(clock).toISOString(),
      media: null,
      pricing: null,
      source: 'cloud_api',
      retrying: null,
    });
    clock += 1_000;
    await student.says('Are you still there?');

    const page = await admin.ok('listMessages', { actor: MARY, student: student.phone });
    const at = page.items.findIndex((m) => m.id === message.id);
    const around = page.items.slice(at - 1, at + 2).map((m) => [m.author, m.type, m.private ?? false, m.text]);
    expect(around).toEqual([
      ['system', 'buttons', false, 'Mary Jones from the school team has joined the chat.'],
      ['agent', 'note', true, message.text],
      ['student', 'text', false, 'Are you still there?'],
    ]);
    const created = await pollUntil(
      () => admin.eventsFor(student.phone).find((e) => e.event === 'message.created' && e.message?.id === message.id),
      {
        message: 'the note published',
      },
    );
    expect(created.message).toEqual(message);
    expect(admin.invalidEvents).toEqual([]);
  });

  it('never queues a note: no outbox row, no job, and the conversation, its window, unread count and first response stay as they were', async () => {
    const student = await studentInLine(h);
    await admin.ok('claimChat', { actor: MARY, student: student.phone, correlationId: correlationId() });
    const before = (await admin.ok('listConversations', { actor: MARY, q: student.phone })).items[0];
    const outboxBefore = await outboxOf(h, student.phone);
    const jobsBefore = await h.queue.getJobCounts();

    clock += 60_000;
    await admin.ok('addNote', note(student.phone, 'Internal: parent phoned the office about this.'));

    expect(await outboxOf(h, student.phone)).toEqual(outboxBefore);
    expect(await h.queue.getJobCounts()).toEqual(jobsBefore);
    const after = (await admin.ok('listConversations', { actor: MARY, q: student.phone })).items[0];
    expect(after).toEqual(before);
    expect(after?.last_message).not.toContain('Internal');
    // Not an answer to the student: neither the first response nor what auto-reassign counts as a reply.
    const [chat] = await supportChatsOf(h, student.phone);
    expect(chat).toMatchObject({ first_response_at: null, agent_replied_at: null });
    // Not a conversation.updated either: nothing a list shows changed.
    expect(
      admin.eventsFor(student.phone).filter((e) => e.event === 'conversation.updated' && e.occurredAt > new Date(clock - 1).toISOString()),
    ).toEqual([]);
  });

  it('takes a note on a conversation that is in no support chat, and refuses an unknown student or an empty note', async () => {
    const student = await registeredStudent(h);
    const { message } = await admin.ok('addNote', note(student.phone, 'Registered during open day.'));
    expect(message).toMatchObject({ private: true, type: 'note' });
    expect(await supportChatsOf(h, student.phone)).toEqual([]);
    expect(await admin.refusal('addNote', note(newPhone(), 'who?'))).toMatchObject({ code: 'not_found' });
    expect(
      await admin.raw('notes.add', { actor: MARY, student: student.phone, text: '   ', correlationId: correlationId() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(
      await admin.raw('notes.add', { actor: MARY, student: student.phone, text: 'x'.repeat(4097), correlationId: correlationId() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});

/**
 * From the console's HTTP route to the Cloud API: admin-api and whatsapp-sender as real processes, this engine
 * in process. A message written after the note reaches the fake Cloud API; the note never does.
 */
describe('a private note never reaches the Cloud API', () => {
  let h: EngineHarness;
  let system: RunningSystem;
  let session: AdminSession;

  beforeAll(async () => {
    h = await createEngineHarness();
    await h.start();
    system = await h.startSystem(['whatsapp-sender', 'admin-api']);
    session = await signIn(system.url('admin-api'));
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it('sends the message written after the note and nothing of the note', async () => {
    const student = await studentInLine(h);
    const noted = await session.call(`/api/admin/conversations/${student.phone}/notes`, {
      method: 'POST',
      body: { text: 'SECRET-NOTE: sibling in Grade 11' },
    });
    expect(noted.status).toBe(201);
    expect(noted.body['message']).toMatchObject({ private: true, type: 'note', text: 'SECRET-NOTE: sibling in Grade 11' });
    const sent = await session.call(`/api/admin/conversations/${student.phone}/chat-support/send`, {
      method: 'POST',
      body: { message: 'Hello, I can help now.' },
    });
    expect(sent.status).toBe(202);

    const toStudent = () => system.fake.accepted().filter((r) => r.body.to === student.phone);
    await pollUntil(() => toStudent().some((r) => JSON.stringify(r.body).includes('Hello, I can help now.')), {
      message: 'the reply at the Cloud API',
      timeoutMs: 20_000,
    });
    expect(system.fake.requests.filter((r) => JSON.stringify(r.body).includes('SECRET-NOTE'))).toEqual([]);
  });
});

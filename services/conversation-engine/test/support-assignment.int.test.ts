import { beforeEach, describe, expect, it } from 'vitest';
import { pollUntil } from '@app/testing';
import type { Actor } from '@app/contracts';
import { correlationId, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import type { StudentTalking } from './student-driver';
import { studentInLine, supportChatsOf } from './support-driver';

const ANA: Actor = { id: 'agent-ana', name: 'Ana Diaz', role: 'agent' };
const BEN: Actor = { id: 'agent-ben', name: 'Ben Okafor', role: 'agent' };
const CAL: Actor = { id: 'agent-cal', name: 'Cal Reyes', role: 'agent' };

describe('assignment: availability, capacity, offers, transfer, hand back, auto-reassign', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  let clock: number;
  beforeEach(() => {
    clock = Date.now();
  });
  // A sweep every 100 ms of real time; what it decides depends only on the test's clock.
  useEngineWithAdmin((world) => ({ h, admin } = world), {
    hooks: { now: () => new Date(clock) },
    env: { ENGINE_SUPPORT_SWEEP_INTERVAL_MS: '100' },
  });

  /** As admin-api reports every 20 s: these agents have a console open. */
  const present = (...agents: Actor[]) => admin.ok('reportPresence', { users: agents.map((a) => ({ id: a.id, name: a.name })) });
  const available = async (agent: Actor, capacity?: number) => {
    if (capacity !== undefined)
      await admin.ok('setAgentCapacity', {
        actor: MARY,
        agent: { id: agent.id, name: agent.name },
        capacity,
        correlationId: correlationId(),
      });
    return admin.ok('setAvailability', { actor: agent, availability: 'available', correlationId: correlationId() });
  };
  const assigneeOf = async (student: StudentTalking) => (await supportChatsOf(h, student.phone)).find((c) => c.status !== 'ended');
  const assignedTo = (student: StudentTalking, agent: Actor | null) =>
    pollUntil(
      async () => {
        const chat = await assigneeOf(student);
        return agent ? chat?.status === 'active' && chat.assigned_admin_id === agent.id : chat?.status === 'waiting';
      },
      { message: `${student.phone} assigned to ${agent?.name ?? 'the queue'}` },
    );
  const thread = async (student: StudentTalking) =>
    (await h.conversationRows(student.phone)).messages
      .filter((m) => m.direction === 'outbound')
      .map((m) => ({ type: m.type, author: m.author, text: m.text }));
  const agentsNow = async () => Object.fromEntries((await admin.ok('listAgents', { actor: MARY })).items.map((a) => [a.id, a]));

  it('offers each waiting chat to the agent with the most free capacity, ties to the longest idle, never past capacity', async () => {
    await present(ANA, BEN);
    await available(ANA, 2);
    clock += 1_000;
    await available(BEN, 1);

    const first = await studentInLine(h, 'Student One');
    await assignedTo(first, ANA); // 2 free against 1
    expect((await thread(first)).at(-1)).toEqual({
      type: 'buttons',
      author: 'system',
      text: expect.stringContaining('Ana Diaz from the school team has joined'),
    });

    clock += 1_000;
    const second = await studentInLine(h, 'Student Two');
    await assignedTo(second, BEN); // 1 free each: Ben has been idle longer (Ana just got one)

    clock += 1_000;
    const third = await studentInLine(h, 'Student Three');
    await assignedTo(third, ANA);

    const fourth = await studentInLine(h, 'Student Four');
    // Both are full: the fourth waits.
    expect((await assigneeOf(fourth))?.status).toBe('waiting');
    expect(await agentsNow()).toMatchObject({
      [ANA.id]: { active_chats: 2, capacity: 2, availability: 'available' },
      [BEN.id]: { active_chats: 1, capacity: 1 },
    });

    // Ben's student ends the chat: his seat is free, and the fourth is offered to him.
    await second.taps('end_chat', 'End chat');
    await assignedTo(fourth, BEN);
    // Live events follow the commits: wait for the fourth.
    const offered = await pollUntil(
      () => {
        const found = admin.events.filter((e) => e.event === 'assignment.changed' && e.assignment?.reason === 'offered');
        return found.length >= 4 ? found : undefined;
      },
      { message: 'four offers announced' },
    );
    expect(offered.map((e) => e.assignment?.to?.id)).toEqual([ANA.id, BEN.id, ANA.id, BEN.id]);
    expect(offered.every((e) => e.assignment?.by === null && e.assignment.from === null)).toBe(true);
    expect(admin.events.some((e) => e.event === 'agent.updated' && e.agent?.id === BEN.id)).toBe(true);
    expect(admin.invalidEvents).toEqual([]);
  });

  it('offers nothing to an agent who is away, or whose console has not been seen for a minute', async () => {
    await present(ANA, BEN);
    await admin.ok('setAvailability', { actor: BEN, availability: 'away', correlationId: correlationId() });
    await available(ANA);
    clock += 61_000; // Ana's presence lapses: nobody reported her console since.
    expect((await agentsNow())[ANA.id]).toMatchObject({ availability: 'offline', chosen_availability: 'available' });

    const student = await studentInLine(h);
    await pollUntil(async () => (await assigneeOf(student))?.status === 'waiting');
    // Her console reports again: she is back, and takes the chat waiting for her.
    await present(ANA);
    await assignedTo(student, ANA);
    // Signing out makes her offline at once.
    await admin.ok('setAvailability', { actor: ANA, availability: 'offline', correlationId: correlationId() });
    expect((await agentsNow())[ANA.id]).toMatchObject({ availability: 'offline', chosen_availability: 'offline' });
  });

  it('lets an admin assign a waiting chat (the student is told) and transfer an active one (silently, with a line for the team)', async () => {
    await present(ANA, BEN, CAL);
    await admin.ok('setAvailability', { actor: ANA, availability: 'away', correlationId: correlationId() });
    await admin.ok('setAvailability', { actor: BEN, availability: 'away', correlationId: correlationId() });
    const student = await studentInLine(h);

    const assigned = await admin.ok('assignChat', {
      actor: MARY,
      student: student.phone,
      agent_id: ANA.id,
      correlationId: correlationId(),
    });
    expect(assigned.conversation).toMatchObject({ support_status: 'active', assigned_to: { id: ANA.id, name: ANA.name } });
    expect((await thread(student)).at(-1)?.text).toContain('Ana Diaz from the school team has joined');
    const sentBefore = (await thread(student)).filter((m) => m.type !== 'assignment').length;

    const moved = await admin.ok('assignChat', { actor: MARY, student: student.phone, agent_id: BEN.id, correlationId: correlationId() });
    expect(moved.conversation.assigned_to).toEqual({ id: BEN.id, name: BEN.name });
    expect((await thread(student)).filter((m) => m.type !== 'assignment')).toHaveLength(sentBefore);
    expect((await thread(student)).at(-1)).toEqual({
      type: 'assignment',
      author: 'system',
      text: 'Transferred from Ana Diaz to Ben Okafor.',
    });
    // Nothing of the line reaches WhatsApp: no outbox row for it.
    const lines = (await h.conversationRows(student.phone)).messages.filter((m) => m.type === 'assignment');
    const outbox = await h.db
      .selectFrom('outbox')
      .select('message_id')
      .where(
        'message_id',
        'in',
        lines.map((l) => l.id),
      )
      .execute();
    expect(outbox).toEqual([]);

    const transfer = await pollUntil(
      () => admin.events.find((e) => e.event === 'assignment.changed' && e.assignment?.reason === 'transferred'),
      { message: 'the transfer announced' },
    );
    expect(transfer?.assignment).toMatchObject({ from: { id: ANA.id }, to: { id: BEN.id }, by: { id: MARY.id }, student: student.phone });

    // Capacity may be exceeded by an admin's choice; an offline agent cannot be given a chat.
    await admin.ok('setAgentCapacity', { actor: MARY, agent: { id: CAL.id, name: CAL.name }, capacity: 0, correlationId: correlationId() });
    expect(
      (await admin.ok('assignChat', { actor: MARY, student: student.phone, agent_id: CAL.id, correlationId: correlationId() })).conversation
        .assigned_to?.id,
    ).toBe(CAL.id);
    await admin.ok('setAvailability', { actor: ANA, availability: 'offline', correlationId: correlationId() });
    expect(
      await admin.refusal('assignChat', { actor: MARY, student: student.phone, agent_id: ANA.id, correlationId: correlationId() }),
    ).toMatchObject({ code: 'agent_unavailable' });
    expect(
      await admin.refusal('assignChat', { actor: MARY, student: student.phone, agent_id: 'nobody', correlationId: correlationId() }),
    ).toMatchObject({ code: 'not_found' });
  });

  it('hands a chat back to the queue: offered to another agent, never back to the one who handed it back', async () => {
    await present(ANA, BEN);
    await available(ANA);
    const student = await studentInLine(h);
    await assignedTo(student, ANA);
    const sentBefore = (await thread(student)).length;

    // Another agent may not hand back Ana's chat.
    expect(await admin.refusal('handBackChat', { actor: BEN, student: student.phone, correlationId: correlationId() })).toMatchObject({
      code: 'already_claimed',
    });
    const back = await admin.ok('handBackChat', { actor: ANA, student: student.phone, correlationId: correlationId() });
    expect(back.conversation).toMatchObject({ support_status: 'waiting', assigned_to: null });
    expect((await thread(student)).slice(sentBefore)).toEqual([
      { type: 'assignment', author: 'system', text: 'Ana Diaz handed the chat back to the queue.' },
    ]);
    // Ana has room, but she passed it on: it waits for someone else.
    await pollUntil(
      () => admin.events.some((e) => e.event === 'assignment.changed' && e.assignment?.reason === 'handed_back') || undefined,
    );
    expect((await assigneeOf(student))?.status).toBe('waiting');

    await available(BEN);
    await assignedTo(student, BEN);
    expect((await thread(student)).at(-1)?.text).toContain('Ben Okafor from the school team has joined');
  });

  it('reassigns a chat its assignee left unanswered for the set time, to the next agent or back to the queue', async () => {
    await admin.ok('setAssignmentSettings', {
      actor: MARY,
      settings: { auto_reassign_after_seconds: 300 },
      correlationId: correlationId(),
    });
    expect(await admin.ok('getAssignmentSettings', { actor: MARY })).toEqual({ auto_reassign_after_seconds: 300 });
    await present(ANA, BEN);
    await available(ANA);
    const answered = await studentInLine(h, 'Answered Student');
    await assignedTo(answered, ANA);
    const ignored = await studentInLine(h, 'Ignored Student');
    await assignedTo(ignored, ANA);
    await admin.ok('sendMessage', {
      actor: ANA,
      student: answered.phone,
      message: 'Hello, how can I help?',
      idempotency_key: correlationId(),
      correlationId: correlationId(),
    });
    await admin.ok('setAvailability', { actor: BEN, availability: 'available', correlationId: correlationId() });

    clock += 299_000;
    await present(ANA, BEN);
    expect((await assigneeOf(ignored))?.assigned_admin_id).toBe(ANA.id);

    clock += 2_000;
    await present(ANA, BEN);
    await assignedTo(ignored, BEN);
    expect((await assigneeOf(answered))?.assigned_admin_id).toBe(ANA.id);
    expect((await thread(ignored)).at(-1)).toEqual({
      type: 'assignment',
      author: 'system',
      text: 'Reassigned from Ana Diaz to Ben Okafor: no answer to the student for 5 minutes.',
    });
    const told = await pollUntil(() => admin.events.find((e) => e.event === 'assignment.changed' && e.assignment?.reason === 'unanswered'));
    expect(told.assignment).toMatchObject({ from: { id: ANA.id }, to: { id: BEN.id }, by: null });

    // The answered student writes again and nobody answers: back to the queue when nobody else has room.
    await admin.ok('setAgentCapacity', { actor: MARY, agent: { id: BEN.id, name: BEN.name }, capacity: 1, correlationId: correlationId() });
    await admin.ok('sendMessage', {
      actor: BEN,
      student: ignored.phone,
      message: 'Sorry for the wait!',
      idempotency_key: correlationId(),
      correlationId: correlationId(),
    });
    await answered.says('Are you there?');
    clock += 301_000;
    await present(ANA, BEN);
    await assignedTo(answered, null);
    expect((await thread(answered)).at(-1)?.text).toBe('Reassigned from Ana Diaz to the queue: no answer to the student for 5 minutes.');
  });

  it('tells a waiting student the expected wait from recent chats, and nothing without them', async () => {
    const [a, b, c, d, e] = [
      await studentInLine(h, 'Student A'),
      await studentInLine(h, 'Student B'),
      await studentInLine(h, 'Student C'),
      await studentInLine(h, 'Student D'),
      await studentInLine(h, 'Student E'),
    ];
    clock += 4 * 60_000;
    const notice = async (student: StudentTalking) =>
      (await thread(student)).filter((m) => m.author === 'system' && m.text?.startsWith('You are number')).at(-1)?.text;
    await admin.ok('claimChat', { actor: MARY, student: a!.phone, correlationId: correlationId() });
    // One recent chat is not enough to go by.
    expect(await notice(b!)).toBe('You are number 1 in line.');
    for (const student of [b!, c!]) await admin.ok('claimChat', { actor: MARY, student: student.phone, correlationId: correlationId() });
    // Three chats claimed after a 4-minute wait; no agent available (one is the floor): d is first, e second.
    expect(await notice(d!)).toBe('You are number 1 in line. Expected wait: about 4 minutes.');
    clock += 61_000;
    await pollUntil(async () => (await notice(e!))?.startsWith('You are number 2'), { message: 'the sweep telling e' });
    expect(await notice(e!)).toBe('You are number 2 in line. Expected wait: about 8 minutes.');
    // A student joining the line hears it in the very first message, with their place.
    const f = await studentInLine(h, 'Student F');
    const joined = (await thread(f)).filter((m) => m.author === 'bot' && m.text?.includes('in line')).at(-1)?.text;
    expect(joined).toContain('You are number 3 in line. Expected wait: about 12 minutes.');
  });
});

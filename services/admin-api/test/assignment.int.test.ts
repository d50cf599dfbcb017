import { randomUUID } from 'node:crypto';
import { topology, type AgentView, type AssignmentChange, type EngineEvent } from '@app/contracts';
import { connectNats, type NatsConnection } from '@app/messaging';
import { openEventStream, pollUntil, testInfra, type EventStream } from '@app/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { buildConversation, PHONE } from './builders';
import { startEngineResponder, type EngineResponder } from './engine-responder';
import {
  bearer,
  createTestSchema,
  errorCodeOf,
  send,
  signedInHead,
  signedInTeacher,
  silentLog,
  startTestApi,
  type SignedInUser,
  type TestSchema,
} from './harness';

/*
 * The engine side is a stand-in (engine-responder.ts): these tests assert what admin-api does for assignment:
 * who may call what, what it validates and sends, the audit rows (its own commands, and the engine's own
 * changes from their events, once across two replicas), and the presence it reports for open consoles.
 * The engine's assignment rules are tested in the engine (support-assignment.int.test.ts).
 */
let t: TestSchema;
let apiA: RunningAdminApi;
let apiB: RunningAdminApi;
let engine: EngineResponder;
let nc: NatsConnection;
let admin: SignedInUser;
let agent: SignedInUser;
const streams: EventStream[] = [];

const agentView = (over: Partial<AgentView> = {}): AgentView => ({
  id: randomUUID(),
  name: 'ms.khumalo',
  availability: 'available',
  chosen_availability: 'available',
  capacity: 3,
  active_chats: 1,
  idle_since: '2026-12-07T08:00:00.000Z',
  last_seen_at: '2026-12-07T08:00:00.000Z',
  ...over,
});

beforeAll(async () => {
  t = await createTestSchema();
  [apiA, apiB] = await Promise.all([startTestApi(t.namespace, { PRESENCE_REPORT_INTERVAL_MS: '200' }), startTestApi(t.namespace)]);
  engine = await startEngineResponder(t.namespace);
  nc = await connectNats(testInfra.natsUrl, 'assignment-test', silentLog);
  admin = await signedInHead(t, apiA);
  agent = await signedInTeacher(t, apiA);
  await engine.answer('listAgents', () => ({ ok: true, data: { items: [agentView({ id: agent.user.id })] } }));
  await engine.answer('reportPresence', (r) => ({ ok: true, data: { online: r.users.length } }));
  await engine.answer('setAvailability', (r) => ({
    ok: true,
    data: { agent: agentView({ id: r.actor.id, name: r.actor.name, chosen_availability: r.availability, availability: r.availability }) },
  }));
  await engine.answer('setAgentCapacity', (r) => ({
    ok: true,
    data: { agent: agentView({ id: r.agent.id, name: r.agent.name, capacity: r.capacity }) },
  }));
  await engine.answer('assignChat', (r) =>
    r.agent_id === admin.user.id
      ? { ok: false, error: { code: 'agent_unavailable', message: 'head is offline' } }
      : {
          ok: true,
          data: { conversation: buildConversation({ support_status: 'active', assigned_to: { id: r.agent_id, name: 'ms.khumalo' } }) },
        },
  );
  await engine.answer('handBackChat', (r) =>
    r.actor.role === 'agent' && r.student !== PHONE
      ? { ok: false, error: { code: 'already_claimed', message: 'the chat is held by head' } }
      : { ok: true, data: { conversation: buildConversation({ support_status: 'waiting', assigned_to: null }) } },
  );
  await engine.answer('getAssignmentSettings', () => ({ ok: true, data: { auto_reassign_after_seconds: 0 } }));
  await engine.answer('setAssignmentSettings', (r) => ({ ok: true, data: r.settings }));
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await engine?.close();
  await Promise.all([apiA?.stop(), apiB?.stop()]);
  await nc?.drain();
  await t?.drop();
});

const lastRequest = (name: string) => engine.received.filter((r) => r.name === name).at(-1);
const auditOf = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').execute();
const api = (path: string) => `${apiA.url}/api/admin${path}`;

describe('the team and availability', () => {
  it('lists the agents with their availability and load for any signed-in user', async () => {
    const res = await send(api('/agents'), { token: agent.token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: AgentView[] }).items).toEqual([
      expect.objectContaining({ id: agent.user.id, active_chats: 1, availability: 'available' }),
    ]);
  });

  it('sets your own availability, audited; refuses a value that is not one', async () => {
    const res = await send(api('/agents/me/availability'), { method: 'POST', token: agent.token, body: { availability: 'away' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { agent: AgentView }).agent).toMatchObject({ id: agent.user.id, availability: 'away' });
    expect(lastRequest('setAvailability')?.body).toMatchObject({
      actor: { id: agent.user.id, name: 'ms.khumalo', role: 'agent' },
      availability: 'away',
    });
    expect((await auditOf('agent.availability_set'))[0]).toMatchObject({
      actor_id: agent.user.id,
      target: agent.user.id,
      details: expect.objectContaining({ availability: 'away', outcome: 'ok' }),
    });

    const bad = await send(api('/agents/me/availability'), { method: 'POST', token: agent.token, body: { availability: 'busy' } });
    expect(bad.status).toBe(400);
  });

  it('lets an admin set a capacity, named as the user store knows the agent; 404 for an unknown user, 403 for an agent', async () => {
    const res = await send(api(`/agents/${agent.user.id}`), { method: 'PATCH', token: admin.token, body: { capacity: 5 } });
    expect(res.status).toBe(200);
    expect(lastRequest('setAgentCapacity')?.body).toMatchObject({
      agent: { id: agent.user.id, name: 'ms.khumalo' },
      capacity: 5,
      actor: { id: admin.user.id },
    });
    expect((await auditOf('agent.capacity_set'))[0]).toMatchObject({
      actor_id: admin.user.id,
      target: agent.user.id,
      details: expect.objectContaining({ capacity: 5, outcome: 'ok' }),
    });

    const sent = engine.received.length;
    expect(
      await errorCodeOf(await send(api(`/agents/${randomUUID()}`), { method: 'PATCH', token: admin.token, body: { capacity: 5 } })),
    ).toBe('not_found');
    expect(engine.received.length).toBe(sent);
    expect((await send(api(`/agents/${agent.user.id}`), { method: 'PATCH', token: admin.token, body: { capacity: 51 } })).status).toBe(400);
    expect((await send(api(`/agents/${agent.user.id}`), { method: 'PATCH', token: agent.token, body: { capacity: 1 } })).status).toBe(403);
  });

  it('reports the users with a console open to the engine, on a timer', async () => {
    const ticket = ((await (await send(api('/events/ticket'), { method: 'POST', token: agent.token })).json()) as { ticket: string })
      .ticket;
    const stream = await openEventStream(api(`/events?ticket=${ticket}`));
    streams.push(stream);
    const report = await pollUntil(
      () => engine.received.find((r) => r.name === 'reportPresence' && JSON.stringify(r.body).includes(agent.user.id)),
      { message: 'a presence report' },
    );
    expect(report.valid).toBe(true);
    expect(report.body).toEqual({ users: [{ id: agent.user.id, name: 'ms.khumalo' }] });
  });
});

describe('assigning and handing back chats', () => {
  it('lets an admin assign a chat to an agent, audited; 409 agent_unavailable for an offline one; 403 for an agent', async () => {
    const res = await send(api(`/conversations/${PHONE}/chat-support/assign`), {
      method: 'POST',
      token: admin.token,
      body: { agent_id: agent.user.id },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { conversation: { assigned_to: unknown } }).conversation.assigned_to).toEqual({
      id: agent.user.id,
      name: 'ms.khumalo',
    });
    expect(lastRequest('assignChat')?.body).toMatchObject({
      student: PHONE,
      agent_id: agent.user.id,
      actor: { id: admin.user.id, role: 'admin' },
    });
    expect((await auditOf('chat.assigned'))[0]).toMatchObject({
      actor_id: admin.user.id,
      target: PHONE,
      details: expect.objectContaining({ agent_id: agent.user.id, outcome: 'ok', assigned_to: agent.user.id }),
    });

    const offline = await send(api(`/conversations/${PHONE}/chat-support/assign`), {
      method: 'POST',
      token: admin.token,
      body: { agent_id: admin.user.id },
    });
    expect(offline.status).toBe(409);
    expect(await errorCodeOf(offline)).toBe('agent_unavailable');
    expect((await auditOf('chat.assigned'))[0]?.details).toMatchObject({ outcome: 'agent_unavailable' });
    expect(
      (
        await send(api(`/conversations/${PHONE}/chat-support/assign`), {
          method: 'POST',
          token: admin.token,
          body: { agent_id: 'ms.khumalo' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await send(api(`/conversations/${PHONE}/chat-support/assign`), {
          method: 'POST',
          token: agent.token,
          body: { agent_id: agent.user.id },
        })
      ).status,
    ).toBe(403);
  });

  it("lets an agent hand back their chat, audited, and passes on the engine's refusal of someone else's", async () => {
    const res = await send(api(`/conversations/${PHONE}/chat-support/hand-back`), { method: 'POST', token: agent.token });
    expect(res.status).toBe(200);
    expect(lastRequest('handBackChat')?.body).toMatchObject({ student: PHONE, actor: { id: agent.user.id, role: 'agent' } });
    expect((await auditOf('chat.handed_back'))[0]).toMatchObject({
      actor_id: agent.user.id,
      target: PHONE,
      details: expect.objectContaining({ outcome: 'ok', support_status: 'waiting' }),
    });

    const other = await send(api('/conversations/2348000000999/chat-support/hand-back'), { method: 'POST', token: agent.token, body: {} });
    expect(other.status).toBe(409);
    expect(await errorCodeOf(other)).toBe('already_claimed');
  });

  it('lets anyone read the auto-reassign time and only an admin set it (0 to a day)', async () => {
    expect(await (await send(api('/assignment-settings'), { token: agent.token })).json()).toEqual({ auto_reassign_after_seconds: 0 });
    const res = await send(api('/assignment-settings'), {
      method: 'PATCH',
      token: admin.token,
      body: { auto_reassign_after_seconds: 300 },
    });
    expect(await res.json()).toEqual({ auto_reassign_after_seconds: 300 });
    expect((await auditOf('assignment.settings_updated'))[0]?.details).toMatchObject({ auto_reassign_after_seconds: 300, outcome: 'ok' });
    expect(
      (await send(api('/assignment-settings'), { method: 'PATCH', token: admin.token, body: { auto_reassign_after_seconds: -1 } })).status,
    ).toBe(400);
    expect(
      (await send(api('/assignment-settings'), { method: 'PATCH', token: admin.token, body: { auto_reassign_after_seconds: 86_401 } }))
        .status,
    ).toBe(400);
    expect(
      (await send(api('/assignment-settings'), { method: 'PATCH', token: agent.token, body: { auto_reassign_after_seconds: 60 } })).status,
    ).toBe(403);
  });
});

describe("the engine's own assignment changes", () => {
  const change = (over: Partial<AssignmentChange> = {}): AssignmentChange => ({
    id: randomUUID(),
    chat_id: randomUUID(),
    student: PHONE,
    from: { id: agent.user.id, name: 'ms.khumalo' },
    to: null,
    reason: 'unanswered',
    by: null,
    at: '2026-12-07T09:00:00.000Z',
    ...over,
  });
  const publish = (assignment: AssignmentChange) => {
    const event: EngineEvent = {
      event: 'assignment.changed',
      phone_number: PHONE,
      user_id: null,
      assignment,
      occurredAt: new Date().toISOString(),
    };
    nc.publish(topology(t.namespace).engineEventsSubject(event.event), JSON.stringify(event));
  };
  const rowsFor = (id: string) => t.db.selectFrom('audit_log').selectAll().where('event_key', '=', `assignment:${id}`).execute();

  it('audits each once as the system, though two replicas receive it, and leaves admin-made ones to their command', async () => {
    const reassigned = change();
    publish(reassigned);
    const offered = change({ reason: 'offered', from: null, to: { id: agent.user.id, name: 'ms.khumalo' } });
    publish(offered);
    const byAdmin = change({ reason: 'transferred', by: { id: admin.user.id, name: 'head' } });
    publish(byAdmin);
    // The last one audited by both replicas' subscriptions means the earlier ones were handled too (in order).
    await pollUntil(async () => (await rowsFor(offered.id)).length === 1, { message: 'the offer audited' });

    const [row] = await rowsFor(reassigned.id);
    expect(await rowsFor(reassigned.id)).toHaveLength(1);
    expect(row).toMatchObject({ actor_id: null, actor_email: 'system', action: 'chat.auto_reassigned', target: PHONE });
    expect(row?.details).toMatchObject({ chat_id: reassigned.chat_id, reason: 'unanswered', from: agent.user.id, to: null });
    expect((await rowsFor(offered.id))[0]).toMatchObject({ action: 'chat.auto_assigned', actor_email: 'system' });
    expect(await rowsFor(byAdmin.id)).toEqual([]);
  });

  it('forwards assignment and agent events to the consoles', async () => {
    const ticket = (
      (await (await send(`${apiB.url}/api/admin/events/ticket`, { method: 'POST', headers: bearer(agent.token) })).json()) as {
        ticket: string;
      }
    ).ticket;
    const stream = await openEventStream(`${apiB.url}/api/admin/events?ticket=${ticket}`);
    streams.push(stream);
    const moved = change();
    publish(moved);
    const agentEvent: EngineEvent = {
      event: 'agent.updated',
      phone_number: null,
      user_id: null,
      agent: agentView({ id: agent.user.id }),
      occurredAt: new Date().toISOString(),
    };
    nc.publish(topology(t.namespace).engineEventsSubject(agentEvent.event), JSON.stringify(agentEvent));
    const frame = await stream.waitFor((f) => f.event === 'agent.updated');
    expect(JSON.parse(frame.data ?? '{}')).toMatchObject({ agent: { id: agent.user.id } });
    expect(stream.frames.some((f) => f.event === 'assignment.changed' && f.data?.includes(moved.id))).toBe(true);
  });
});

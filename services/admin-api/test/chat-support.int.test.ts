import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { isBsuid, type ConversationView } from '@app/contracts';
import { BSUID, buildConversation, buildMessage, buildUsernameOnlyConversation, PHONE } from './builders';
import { namesStudent, useApiWithEngine, type EngineResponder } from './engine-responder';
import { createUser, errorCodeOf, send, signedInHead, signedInTeacher, signIn, type SignedInUser, type TestSchema } from './harness';

let t: TestSchema;
let api: RunningAdminApi;
let engine: EngineResponder;
let admin: SignedInUser;
let agent: SignedInUser;

const CLAIMED_BY_OTHER = '27820000001';
/** A student the engine knows by both ids: either finds their one conversation. */
const KNOWN_BY_BOTH = buildConversation({
  phone_number: '27820000003',
  user_id: 'ZA.7700112233',
  username: 'sipho_n',
  student_name: 'Sipho Ndlovu',
});

/** The engine's conversation for the student a request names, as it would find it. */
const conversationOf = (student: string, overrides: Partial<ConversationView> = {}): ConversationView => {
  if (namesStudent(KNOWN_BY_BOTH, student)) return { ...KNOWN_BY_BOTH, ...overrides };
  return isBsuid(student)
    ? buildUsernameOnlyConversation({ user_id: student, ...overrides })
    : buildConversation({ phone_number: student, ...overrides });
};

useApiWithEngine((world) => ({ t, api, engine } = world));

beforeAll(async () => {
  admin = await signedInHead(t, api);
  agent = await signedInTeacher(t, api);
  const assigned = (request: { actor: { id: string; name: string } }) => ({ id: request.actor.id, name: request.actor.name });
  await engine.answer('startChat', (r) => ({
    ok: true,
    data: { conversation: conversationOf(r.student, { support_status: 'active', assigned_to: assigned(r) }) },
  }));
  await engine.answer('claimChat', (r) =>
    r.student === CLAIMED_BY_OTHER
      ? { ok: false, error: { code: 'already_claimed', message: 'head is answering this chat' } }
      : { ok: true, data: { conversation: conversationOf(r.student, { support_status: 'active', assigned_to: assigned(r) }) } },
  );
  await engine.answer('endChat', (r) => ({
    ok: true,
    data: { conversation: conversationOf(r.student, { support_status: 'ended', is_chat_support: false }) },
  }));
  await engine.answer('markRead', (r) => ({ ok: true, data: { conversation: conversationOf(r.student, { unread_count: 0 }) } }));
  // Like the engine, the stored message carries the name the actor came with.
  await engine.answer('sendMessage', (r) => ({
    ok: true,
    data: { message: buildMessage({ id: 'wamsg-1', text: r.message, agent_name: r.actor.name }) },
  }));
});

const chat = (student: string, action: string, user: SignedInUser, body?: unknown) =>
  send(`${api.url}/api/admin/conversations/${student}/${action}`, {
    method: 'POST',
    token: user.token,
    body,
    headers: { 'user-agent': 'console-test/2.0' },
  });

const auditOf = (action: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();

describe('support chat commands', () => {
  it('starts a chat with an optional first message, attributed to the admin', async () => {
    const res = await chat(PHONE, 'chat-support/start', agent, { message: '  Hi, this is Ms Khumalo  ' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { conversation: { support_status: string; assigned_to: unknown } };
    expect(body.conversation).toMatchObject({ support_status: 'active', assigned_to: { id: agent.user.id, name: 'ms.khumalo' } });
    expect(engine.received.at(-1)?.body).toMatchObject({
      student: PHONE,
      message: 'Hi, this is Ms Khumalo',
      correlationId: res.headers.get('x-request-id'),
    });
  });

  it('starts a chat without a body at all', async () => {
    const res = await send(`${api.url}/api/admin/conversations/${PHONE}/chat-support/start`, { method: 'POST', token: agent.token });
    expect(res.status).toBe(200);
    expect(engine.received.at(-1)?.body).not.toHaveProperty('message');
  });

  it('refuses an empty or oversized message before asking the engine', async () => {
    expect((await chat(PHONE, 'chat-support/start', agent, { message: '   ' })).status).toBe(400);
    expect((await chat(PHONE, 'chat-support/send', agent, { message: 'x'.repeat(4097) })).status).toBe(400);
    expect((await chat(PHONE, 'chat-support/send', agent, {})).status).toBe(400);
  });

  it('claims a waiting chat', async () => {
    const res = await chat(PHONE, 'chat-support/claim', admin);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { conversation: { assigned_to: unknown } }).conversation.assigned_to).toEqual({
      id: admin.user.id,
      name: 'head',
    });
  });

  it('answers 409 already_claimed when another admin holds the chat', async () => {
    const res = await chat(CLAIMED_BY_OTHER, 'chat-support/claim', agent);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'already_claimed', message: 'head is answering this chat' } });
  });

  it('ends a chat and marks a conversation read, asking the engine as the caller', async () => {
    const actor = { id: agent.user.id, name: 'ms.khumalo', role: 'agent' };
    const ended = await chat(PHONE, 'chat-support/end', agent, { message: '  Goodbye!  ' });
    expect(ended.status).toBe(200);
    // What admin-api did: trimmed the message, named the actor, passed the request id on.
    expect(engine.received.at(-1)).toEqual({
      name: 'endChat',
      valid: true,
      body: { actor, student: PHONE, message: 'Goodbye!', correlationId: ended.headers.get('x-request-id') },
      correlationId: ended.headers.get('x-request-id'),
    });
    expect(((await ended.json()) as { conversation: { phone_number: string } }).conversation.phone_number).toBe(PHONE);
    const read = await chat(PHONE, 'read', agent);
    expect(read.status).toBe(200);
    expect(engine.received.at(-1)).toEqual({
      name: 'markRead',
      valid: true,
      body: { actor, student: PHONE, correlationId: read.headers.get('x-request-id') },
      correlationId: read.headers.get('x-request-id'),
    });
  });
});

describe('a student named by their business-scoped user id', () => {
  it.each([
    ['chat-support/start', 'startChat'],
    ['chat-support/claim', 'claimChat'],
    ['chat-support/end', 'endChat'],
    ['read', 'markRead'],
  ])('passes the user id of /%s to the engine as student, and serves a conversation without a phone', async (action, rpc) => {
    const res = await chat(BSUID, action, agent);
    expect(res.status).toBe(200);
    expect(engine.received.at(-1)).toMatchObject({ name: rpc, valid: true, body: { student: BSUID } });
    expect(engine.received.at(-1)?.body).not.toHaveProperty('phone_number');
    const { conversation } = (await res.json()) as { conversation: ConversationView };
    expect(conversation).toMatchObject({ phone_number: null, user_id: BSUID, username: 'thandi.m' });
  });

  it('sends a message to them, passing the user id on as student', async () => {
    const res = await chat(BSUID, 'chat-support/send', agent, { message: 'Hello, how can I help?' });
    expect(res.status).toBe(202);
    expect(engine.received.at(-1)).toMatchObject({
      name: 'sendMessage',
      valid: true,
      body: { student: BSUID, message: 'Hello, how can I help?' },
    });
  });

  it('finds a student known by both by either: the phone URLs keep working', async () => {
    const userId = KNOWN_BY_BOTH.user_id ?? '';
    const byPhone = await chat('27820000003', 'read', agent);
    const byUserId = await chat(userId, 'read', agent);
    expect([byPhone.status, byUserId.status]).toEqual([200, 200]);
    const requests = engine.received.filter((r) => r.name === 'markRead').slice(-2);
    expect(requests.map((r) => (r.body as { student: string }).student)).toEqual(['27820000003', userId]);
    const answers = (await Promise.all([byPhone.json(), byUserId.json()])) as { conversation: ConversationView }[];
    for (const { conversation } of answers)
      expect(conversation).toMatchObject({ phone_number: '27820000003', user_id: userId, username: 'sipho_n' });
  });

  it.each([
    ['a lower-case country code', 'ng.1234567890'],
    ['no dot', 'NG1234567890'],
    ['a parent id spelt wrong', 'NG.EN.1234'],
    ['a phone with a plus', '+447700900123'],
    ['too few digits', '12345'],
    ['a user id over 128 characters', `NG.${'1'.repeat(129)}`],
  ])('answers 400 invalid_request for %s, asking no engine', async (_case, student) => {
    const before = engine.received.length;
    const res = await chat(encodeURIComponent(student), 'chat-support/claim', agent);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({ code: 'invalid_request', message: expect.stringMatching(/^student: /) });
    expect(engine.received.length).toBe(before);
  });

  it('audits a command under the student as named, its user id', async () => {
    const res = await chat(BSUID, 'chat-support/claim', admin);
    expect(res.status).toBe(200);
    expect(await auditOf('chat.claimed')).toMatchObject({ actor_id: admin.user.id, target: BSUID, details: { outcome: 'ok' } });
  });
});

describe('the name a student sees', () => {
  it("sends an admin's display name with their chat, and a changed name from their next request, without signing in again", async () => {
    const user = await createUser(t.db, {
      email: 'ms.smith@school.org',
      password: 'ms-smith-password',
      role: 'agent',
      displayName: 'Ms Smith',
    });
    const smith = { user, token: await signIn(api, 'ms.smith@school.org', 'ms-smith-password') };

    const started = await chat(PHONE, 'chat-support/start', smith);
    expect(engine.received.at(-1)).toMatchObject({ name: 'startChat', body: { actor: { id: user.id, name: 'Ms Smith', role: 'agent' } } });
    expect(((await started.json()) as { conversation: { assigned_to: unknown } }).conversation.assigned_to).toEqual({
      id: user.id,
      name: 'Ms Smith',
    });

    const sent = await chat(PHONE, 'chat-support/send', smith, { message: 'Hello Thandi, Ms Smith here' });
    expect(sent.status).toBe(202);
    expect(engine.received.at(-1)).toMatchObject({
      name: 'sendMessage',
      body: { actor: { name: 'Ms Smith' }, message: 'Hello Thandi, Ms Smith here' },
    });
    expect(((await sent.json()) as { message: unknown }).message).toMatchObject({ author: 'agent', agent_name: 'Ms Smith' });

    const renamed = await send(`${api.url}/api/admin/users/${user.id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { display_name: 'Mrs Smith-Dube' },
    });
    expect(renamed.status).toBe(200);
    const again = await chat(PHONE, 'chat-support/send', smith, { message: 'Still here' });
    expect(((await again.json()) as { message: unknown }).message).toMatchObject({ agent_name: 'Mrs Smith-Dube' });
    expect(engine.received.at(-1)?.body).toMatchObject({ actor: { name: 'Mrs Smith-Dube' } });

    expect(
      (await send(`${api.url}/api/admin/users/${user.id}`, { method: 'PATCH', token: admin.token, body: { display_name: null } })).status,
    ).toBe(200);
    await chat(PHONE, 'chat-support/send', smith, { message: 'And again' });
    expect(engine.received.at(-1)?.body).toMatchObject({ actor: { name: 'ms.smith' } });
  });
});

describe('the audit log of chat commands', () => {
  it.each([
    ['chat-support/start', 'chat.started', { with_message: true }],
    ['chat-support/claim', 'chat.claimed', {}],
    ['chat-support/end', 'chat.ended', { with_message: false }],
    ['read', 'conversation.read', {}],
  ])('records %s as %s with who, when, from where and the outcome', async (action, auditAction, details: { with_message?: boolean }) => {
    const body = details.with_message ? { message: 'hello' } : undefined;
    const res = await chat(PHONE, action, agent, body);
    expect(res.status).toBe(200);
    const row = await auditOf(auditAction);
    expect(row).toMatchObject({
      actor_id: agent.user.id,
      actor_email: 'ms.khumalo@school.org',
      target: PHONE,
      details: { ...details, outcome: 'ok', correlation_id: res.headers.get('x-request-id') },
      user_agent: 'console-test/2.0',
    });
    expect(row?.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(row?.created_at).toBeInstanceOf(Date);
  });

  it('records a send with the message id and idempotency key, never the text', async () => {
    const res = await send(`${api.url}/api/admin/conversations/${PHONE}/chat-support/send`, {
      method: 'POST',
      token: agent.token,
      body: { message: 'Your exam is on Friday' },
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(res.status).toBe(202);
    const row = await auditOf('chat.message_sent');
    expect(row).toMatchObject({
      actor_id: agent.user.id,
      target: PHONE,
      details: { outcome: 'ok', message_id: 'wamsg-1', idempotency_key: `${agent.user.id}:k-1` },
    });
    expect(JSON.stringify(row)).not.toContain('Friday');
  });

  it('records a refused command with the engine code as outcome', async () => {
    expect(await errorCodeOf(await chat(CLAIMED_BY_OTHER, 'chat-support/claim', agent))).toBe('already_claimed');
    const row = await auditOf('chat.claimed');
    expect(row).toMatchObject({ actor_id: agent.user.id, target: CLAIMED_BY_OTHER, details: { outcome: 'already_claimed' } });
  });
});

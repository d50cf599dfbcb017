import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { BSUID, buildConversation, buildMessage, buildUsernameOnlyConversation, PHONE } from './builders';
import { useApiWithEngine, type EngineResponder } from './engine-responder';
import { capturedLog, errorCodeOf, send, signedInTeacher, signedInUser, startTestApi, type SignedInUser, type TestSchema } from './harness';

let t: TestSchema;
let api: RunningAdminApi;
let engine: EngineResponder;
let agent: SignedInUser;
const log = capturedLog();

useApiWithEngine((world) => ({ t, api, engine } = world), { log: log.log });

beforeAll(async () => {
  agent = await signedInTeacher(t, api);
});

const url = (path: string) => `${api.url}/api/admin${path}`;
const lastRequest = (name: string) => engine.received.filter((r) => r.name === name).at(-1);

describe('queries pass through to the engine', () => {
  it('lists conversations, parsing the query into the engine request and answering the engine page as it is', async () => {
    const page = {
      items: [
        buildConversation(),
        buildUsernameOnlyConversation(),
        buildConversation({ phone_number: '27821234567', user_id: 'ZA.99887766', username: 'sipho_n', unread_count: 0 }),
      ],
      next_cursor: 'c2',
    };
    await engine.answer('listConversations', () => ({ ok: true, data: page }));
    const res = await send(url('/conversations?chat_support=true&status=waiting&q=%20thandi%20&limit=2&cursor=c1&unknown=x'), {
      token: agent.token,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(page);
    const request = lastRequest('listConversations');
    expect(request?.valid).toBe(true);
    expect(request?.body).toEqual({
      actor: { id: agent.user.id, name: 'ms.khumalo', role: 'agent' },
      chat_support: true,
      status: 'waiting',
      q: 'thandi',
      limit: 2,
      cursor: 'c1',
    });
    expect(request?.correlationId).toBe(res.headers.get('x-request-id'));
  });

  it('treats empty query values as not set and lets the engine default the limit', async () => {
    const res = await send(url('/conversations?status=&q='), { token: agent.token });
    expect(res.status).toBe(200);
    expect(lastRequest('listConversations')?.body).toEqual({ actor: expect.any(Object), limit: 50 });
  });

  it.each([
    ['an unknown status', '/conversations?status=open'],
    ['a limit over 100', '/conversations?limit=101'],
    ['a limit that is not a number', '/conversations?limit=ten'],
    ['chat_support other than true/false', '/conversations?chat_support=yes'],
    ['a phone with a plus', '/conversations/+447700900123/messages'],
    ['a student that is neither a phone nor a user id', '/conversations/thandi.m/messages'],
    ['a user id with a lower-case country', '/conversations/ng.13491208655302741918/messages'],
    ['a message limit over 200', `/conversations/${PHONE}/messages?limit=201`],
  ])('answers 400 for %s without asking the engine', async (_case, path) => {
    const before = engine.received.length;
    const res = await send(url(path), { token: agent.token });
    expect(res.status).toBe(400);
    expect(await errorCodeOf(res)).toBe('invalid_request');
    expect(engine.received.length).toBe(before);
  });

  it("lists a conversation's messages with limit and before", async () => {
    const page = { items: [buildMessage({ id: 'm1' }), buildMessage({ id: 'm2' })], next_cursor: null };
    await engine.answer('listMessages', () => ({ ok: true, data: page }));
    const res = await send(url(`/conversations/${PHONE}/messages?limit=20&before=m3`), { token: agent.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(page);
    // What admin-api itself did: parsed the path and query into the engine's request, with the caller as actor.
    const request = lastRequest('listMessages');
    expect(request?.valid).toBe(true);
    expect(request?.body).toEqual({
      actor: { id: agent.user.id, name: 'ms.khumalo', role: 'agent' },
      student: PHONE,
      limit: 20,
      before: 'm3',
    });
    expect(request?.correlationId).toBe(res.headers.get('x-request-id'));
  });

  it('lists the messages of a student named by their business-scoped user id, passing it on as student', async () => {
    await engine.answer('listMessages', () => ({ ok: true, data: { items: [buildMessage({ id: 'm9' })], next_cursor: null } }));
    const res = await send(url(`/conversations/${BSUID}/messages`), { token: agent.token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: { id: string }[] }).items.map((m) => m.id)).toEqual(['m9']);
    expect(lastRequest('listMessages')).toMatchObject({ valid: true, body: { student: BSUID, limit: 50 } });
  });

  it('passes a search for a username on to the engine, and serves the username-only students it finds', async () => {
    const page = { items: [buildUsernameOnlyConversation()], next_cursor: null };
    await engine.answer('listConversations', (request) =>
      request.q === 'thandi.m' ? { ok: true, data: page } : { ok: true, data: { items: [], next_cursor: null } },
    );
    const res = await send(url('/conversations?q=thandi.m'), { token: agent.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(page);
    expect(lastRequest('listConversations')?.body).toMatchObject({ q: 'thandi.m' });
  });

  it('asks the engine for the stats as the caller, and refuses stats that break the contract with 502', async () => {
    // The stand-in answers by actor: an agent's stats and an admin's stats must not be confused.
    await engine.answer('stats', (request) =>
      request.actor.role === 'admin'
        ? { raw: JSON.stringify({ ok: true, data: { waiting_chats: '3', active_chats: 1 } }) }
        : {
            ok: true,
            data: {
              waiting_chats: request.actor.name.length,
              active_chats: 0,
              oldest_waiting_since: null,
              chats_today: 0,
              median_first_response_seconds: null,
            },
          },
    );
    const res = await send(url('/stats'), { token: agent.token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { waiting_chats: number }).waiting_chats).toBe('ms.khumalo'.length);
    const request = lastRequest('stats');
    expect(request?.valid).toBe(true);
    expect(request?.body).toEqual({ actor: { id: agent.user.id, name: 'ms.khumalo', role: 'agent' } });
    expect(request?.correlationId).toBe(res.headers.get('x-request-id'));

    const admin = await signedInUser(t, api, 'stats.head@school.org', 'admin');
    const broken = await send(url('/stats'), { token: admin.token });
    expect([broken.status, await errorCodeOf(broken)]).toEqual([502, 'engine_invalid_reply']);
  });
});

describe('engine refusals become HTTP statuses', () => {
  beforeAll(async () => {
    // The engine's answer is chosen by the message text, so one responder covers every code.
    await engine.answer('sendMessage', (request) => {
      const code = /^fail:(\w+)$/.exec(request.message)?.[1];
      if (!code) return { ok: true, data: { message: buildMessage({ id: `sent-${request.idempotency_key}`, text: request.message }) } };
      if (code === 'garbage') return { raw: '{"ok": true, "data": {"message": {"id": 7}}}' };
      if (code === 'notjson') return { raw: 'this is not json' };
      return { ok: false, error: { code: code as 'internal', message: `engine says ${code}` } };
    });
  });

  const sendMessage = (message: string, headers: Record<string, string> = {}) =>
    send(url(`/conversations/${PHONE}/chat-support/send`), { method: 'POST', token: agent.token, body: { message }, headers });

  it.each([
    ['not_found', 404],
    ['chat_not_active', 409],
    ['already_claimed', 409],
    ['outside_service_window', 422],
    ['invalid_request', 400],
  ])('answers %s with %i and the engine message', async (code, status) => {
    const res = await sendMessage(`fail:${code}`);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message: `engine says ${code}` } });
  });

  it('answers an engine internal error with 500 and without its text', async () => {
    const res = await sendMessage('fail:internal');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'the conversation engine failed' } });
  });

  it.each([
    ['a reply that breaks the schema', 'fail:garbage'],
    ['a reply that is not JSON', 'fail:notjson'],
  ])('answers 502 engine_invalid_reply and logs what was wrong for %s', async (_case, message) => {
    const res = await sendMessage(message);
    expect(res.status).toBe(502);
    expect(await errorCodeOf(res)).toBe('engine_invalid_reply');
    const line = log.lines().find((l) => l.msg === 'engine reply invalid' && l.correlationId === res.headers.get('x-request-id'));
    expect(line).toMatchObject({ level: 'error', rpc: 'chat.send', problems: expect.any(String) });
  });

  it('answers 202 with the queued message, forwarding the Idempotency-Key scoped to the admin', async () => {
    const res = await sendMessage('Hello Thandi', { 'idempotency-key': 'console-42' });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { message: { id: string; status: string } };
    expect(body.message).toMatchObject({ id: `sent-${agent.user.id}:console-42`, status: 'queued', text: 'Hello Thandi' });
    expect(lastRequest('sendMessage')?.body).toMatchObject({
      actor: { id: agent.user.id, name: 'ms.khumalo', role: 'agent' },
      student: PHONE,
      message: 'Hello Thandi',
      idempotency_key: `${agent.user.id}:console-42`,
      correlationId: res.headers.get('x-request-id'),
    });
  });

  it('makes up a fresh key for every send without an Idempotency-Key', async () => {
    await sendMessage('one');
    const first = lastRequest('sendMessage')?.body as { idempotency_key: string };
    await sendMessage('two');
    const second = lastRequest('sendMessage')?.body as { idempotency_key: string };
    expect(first.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.idempotency_key).not.toBe(first.idempotency_key);
  });

  it('refuses an Idempotency-Key with spaces or over 255 characters', async () => {
    expect((await sendMessage('x', { 'idempotency-key': 'has space' })).status).toBe(400);
    expect((await sendMessage('x', { 'idempotency-key': 'k'.repeat(256) })).status).toBe(400);
  });
});

describe('an engine that is not there', () => {
  it('answers 503 engine_unavailable at once when nothing serves the subject', async () => {
    const started = Date.now();
    const res = await send(url(`/conversations/${PHONE}/chat-support/end`), { method: 'POST', token: agent.token });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'engine_unavailable', message: 'no conversation engine is running' } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers 503 engine_unavailable after ENGINE_RPC_TIMEOUT_MS when the engine never answers', async () => {
    const impatient = await startTestApi(t.namespace, { ENGINE_RPC_TIMEOUT_MS: '300' });
    try {
      await engine.answer('claimChat', () => 'silent');
      const started = Date.now();
      const res = await send(`${impatient.url}/api/admin/conversations/${PHONE}/chat-support/claim`, {
        method: 'POST',
        token: agent.token,
      });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        error: { code: 'engine_unavailable', message: 'the conversation engine did not answer in time' },
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await impatient.stop();
    }
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { RunningAdminApi } from '../src/admin-api';
import { BSUID, PHONE } from './builders';
import { useApiWithEngine, type EngineResponder } from './engine-responder';
import { createUser, errorCodeOf, send, signedInHead, signIn, type SignedInUser, type TestSchema } from './harness';

/** A student who wrote but never registered: no class, no name WhatsApp told us. */
const UNREGISTERED = '27820000042';
const UNKNOWN = '27820000099';

interface Reply {
  id: string;
  title: string;
  shortcut: string;
  body: string;
  updated_at: string;
  text?: string;
}

let t: TestSchema;
let api: RunningAdminApi;
let engine: EngineResponder;
let admin: SignedInUser;
let agent: { token: string };

useApiWithEngine((world) => ({ t, api, engine } = world));

beforeAll(async () => {
  admin = await signedInHead(t, api);
  await createUser(t.db, { email: 'khumalo@school.org', password: 'agent-password-1', role: 'agent', displayName: 'Ms Khumalo' });
  agent = { token: await signIn(api, 'khumalo@school.org', 'agent-password-1') };
  await engine.answer('studentProfile', (r) => {
    if (r.student === UNKNOWN) return { ok: false, error: { code: 'not_found', message: 'no conversation with this student' } };
    if (r.student === UNREGISTERED) return { ok: true, data: { student_name: null, class_name: null } };
    return { ok: true, data: { student_name: 'Thandi Mokoena', class_name: 'Grade 10B' } };
  });
});

const url = (path: string) => `${api.url}/api/admin${path}`;
const create = async (body: unknown, token = admin.token) => send(url('/canned-replies'), { method: 'POST', token, body });
const created = async (body: { title: string; shortcut: string; body: string }) => {
  const res = await create(body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { canned_reply: Reply }).canned_reply;
};
const rendered = async (student: string, token = agent.token, q = '') => {
  const res = await send(url(`/conversations/${student}/canned-replies${q ? `?q=${encodeURIComponent(q)}` : ''}`), { token });
  return { status: res.status, body: (await res.json()) as { items: Reply[]; error?: { code: string } } };
};
const auditsOf = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

describe('canned replies, managed by admins', () => {
  it('creates one (shortcut in lower case), lists it to agents, and audits it without its body', async () => {
    const reply = await created({ title: 'Greeting', shortcut: 'Hello', body: 'Hi {student_name}, this is {agent_name}.' });
    expect(reply).toEqual({
      id: expect.any(String),
      title: 'Greeting',
      shortcut: 'hello',
      body: 'Hi {student_name}, this is {agent_name}.',
      updated_at: expect.any(String),
    });
    const list = await send(url('/canned-replies'), { token: agent.token });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: Reply[] }).items).toContainEqual(reply);
    const entry = (await auditsOf('canned_reply.created')).at(-1);
    expect(entry).toMatchObject({ actor_id: admin.user.id, details: { outcome: 'ok', canned_reply_id: reply.id, shortcut: 'hello' } });
    expect(JSON.stringify(entry)).not.toContain('{agent_name}');
  });

  it('answers 409 name_taken for a shortcut another reply has, whatever its case', async () => {
    await created({ title: 'Fees', shortcut: 'fees', body: 'Fees are due on the 1st.' });
    const res = await create({ title: 'Fees again', shortcut: 'FEES', body: 'x' });
    expect(res.status).toBe(409);
    expect(await errorCodeOf(res)).toBe('name_taken');
  });

  it('refuses what does not fit before storing anything', async () => {
    for (const body of [
      { title: 'x', shortcut: 'has space', body: 'x' },
      { title: 'x', shortcut: '-dash-first', body: 'x' },
      { title: '', shortcut: 'ok', body: 'x' },
      { title: 'x', shortcut: 'ok', body: '   ' },
      { title: 'x', shortcut: 'ok', body: 'x'.repeat(4097) },
      { title: 'x', shortcut: 'ok', body: 'x', extra: true },
    ]) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('changes and deletes one; an unknown id is 404', async () => {
    const reply = await created({ title: 'Hours', shortcut: 'hours', body: 'We are open 8 to 4.' });
    const patched = await send(url(`/canned-replies/${reply.id}`), {
      method: 'PATCH',
      token: admin.token,
      body: { body: 'We are open 8 to 5, {student_name}.' },
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { canned_reply: Reply }).canned_reply).toMatchObject({
      id: reply.id,
      shortcut: 'hours',
      body: 'We are open 8 to 5, {student_name}.',
    });
    expect((await auditsOf('canned_reply.updated')).at(-1)).toMatchObject({
      target: reply.id,
      details: { outcome: 'ok', changed: ['body'] },
    });
    expect((await send(url(`/canned-replies/${reply.id}`), { method: 'PATCH', token: admin.token, body: {} })).status).toBe(400);

    const deleted = await send(url(`/canned-replies/${reply.id}`), { method: 'DELETE', token: admin.token });
    expect(deleted.status).toBe(200);
    expect((await send(url(`/canned-replies/${reply.id}`), { method: 'DELETE', token: admin.token })).status).toBe(404);
    expect((await send(url(`/canned-replies/${randomUUID()}`), { method: 'PATCH', token: admin.token, body: { title: 'x' } })).status).toBe(
      404,
    );
    expect((await auditsOf('canned_reply.deleted')).map((e) => e.details['outcome'])).toEqual(['ok', 'not_found']);
  });

  it('lets agents use canned replies but not manage them', async () => {
    const reply = await created({ title: 'Bye', shortcut: 'bye', body: 'Goodbye!' });
    expect((await create({ title: 'x', shortcut: 'agent-made', body: 'x' }, agent.token)).status).toBe(403);
    expect((await send(url(`/canned-replies/${reply.id}`), { method: 'PATCH', token: agent.token, body: { title: 'y' } })).status).toBe(
      403,
    );
    expect((await send(url(`/canned-replies/${reply.id}`), { method: 'DELETE', token: agent.token })).status).toBe(403);
  });
});

describe('canned replies rendered for a student', () => {
  it('fills the placeholders with the student, their class and the calling agent; leaves unknown ones as typed', async () => {
    await created({
      title: 'Results',
      shortcut: 'results',
      body: 'Dear {student_name} ({class}), {agent_name} here: {teacher} will post the results.',
    });
    const { status, body } = await rendered(PHONE);
    expect(status).toBe(200);
    expect(body.items.find((r) => r.shortcut === 'results')?.text).toBe(
      'Dear Thandi Mokoena (Grade 10B), Ms Khumalo here: {teacher} will post the results.',
    );
    expect(engine.received.at(-1)).toMatchObject({
      name: 'studentProfile',
      valid: true,
      body: { student: PHONE, actor: { name: 'Ms Khumalo', role: 'agent' } },
    });
  });

  it('says something sensible for what is unknown about the student, never undefined', async () => {
    const { body } = await rendered(UNREGISTERED);
    const text = body.items.find((r) => r.shortcut === 'results')?.text;
    expect(text).toBe('Dear there (your class), Ms Khumalo here: {teacher} will post the results.');
    expect(JSON.stringify(body)).not.toContain('undefined');
  });

  it("names an admin without a display name by their email's local part", async () => {
    const { body } = await rendered(BSUID, admin.token, 'results');
    expect(body.items.map((r) => r.text)).toEqual(['Dear Thandi Mokoena (Grade 10B), head here: {teacher} will post the results.']);
  });

  it('searches by shortcut or title, any case', async () => {
    await created({ title: 'Timetable change', shortcut: 'tt', body: 'Your timetable changed.' });
    expect((await rendered(PHONE, agent.token, 'TIMETABLE')).body.items.map((r) => r.shortcut)).toEqual(['tt']);
    expect((await rendered(PHONE, agent.token, 'tt')).body.items.map((r) => r.shortcut)).toEqual(['tt']);
    expect((await rendered(PHONE, agent.token, 'zzz')).body.items).toEqual([]);
  });

  it('answers 404 for a student the engine does not know', async () => {
    const { status, body } = await rendered(UNKNOWN);
    expect(status).toBe(404);
    expect(body.error?.code).toBe('not_found');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import {
  createTestSchema,
  errorCodeOf,
  postJson,
  send,
  signedInHead,
  signedInTeacher,
  signedInUser,
  signIn,
  startTestApi,
  type SignedInUser,
  type TestSchema,
} from './harness';

let t: TestSchema;
let api: RunningAdminApi;
let head: SignedInUser;
let agent: SignedInUser;

beforeAll(async () => {
  t = await createTestSchema();
  api = await startTestApi(t.namespace);
  head = await signedInHead(t, api);
  agent = await signedInTeacher(t, api);
});

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

const usersUrl = () => `${api.url}/api/admin/users`;
const patch = (id: string, body: unknown, token = head.token) => send(`${usersUrl()}/${id}`, { method: 'PATCH', token, body });
const create = (body: unknown, token = head.token) =>
  send(usersUrl(), { method: 'POST', token, body, headers: { 'user-agent': 'console-test/2.0' } });
const lastAudit = (action: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirstOrThrow();

describe('users (admin only)', () => {
  it('lists every account without password hashes', async () => {
    const res = await send(usersUrl(), { token: head.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: [
        { id: head.user.id, email: 'head@school.org', role: 'admin', display_name: null, disabled: false },
        { id: agent.user.id, email: 'ms.khumalo@school.org', role: 'agent', display_name: null, disabled: false },
      ],
    });
  });

  it('answers 403 forbidden to an agent', async () => {
    expect(await errorCodeOf(await send(usersUrl(), { token: agent.token }))).toBe('forbidden');
    expect((await create({ email: 'x@school.org', password: 'long-enough-1', role: 'admin' }, agent.token)).status).toBe(403);
    expect((await patch(head.user.id, { disabled: true }, agent.token)).status).toBe(403);
  });

  it('creates an account (201) that can sign in, and audits it', async () => {
    const res = await create({ email: ' New.Teacher@School.org ', password: 'new-teacher-pw', role: 'agent' });
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: { id: string } };
    expect(user).toEqual({ id: expect.any(String), email: 'new.teacher@school.org', role: 'agent', display_name: null, disabled: false });
    expect(await signIn(api, 'new.teacher@school.org', 'new-teacher-pw')).toEqual(expect.any(String));
    const row = await lastAudit('user.created');
    expect(row).toMatchObject({
      actor_id: head.user.id,
      actor_email: 'head@school.org',
      target: user.id,
      details: { email: 'new.teacher@school.org', role: 'agent' },
      user_agent: 'console-test/2.0',
    });
    expect(row.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(JSON.stringify(row)).not.toContain('new-teacher-pw');
  });

  it('answers 409 email_taken for an email in use, whatever its case', async () => {
    const res = await create({ email: 'MS.KHUMALO@school.org', password: 'another-password', role: 'admin' });
    expect(res.status).toBe(409);
    expect(await errorCodeOf(res)).toBe('email_taken');
  });

  it.each([
    ['a short password', { email: 'a@school.org', password: 'short', role: 'agent' }],
    ['an unknown role', { email: 'a@school.org', password: 'long-enough-1', role: 'owner' }],
    ['an extra field', { email: 'a@school.org', password: 'long-enough-1', role: 'agent', disabled: true }],
  ])('refuses to create with %s (400)', async (_case, body) => {
    expect(await errorCodeOf(await create(body))).toBe('invalid_request');
  });

  it("disables an account, which ends its tokens' access, and re-enables it", async () => {
    const leaver = await signedInUser(t, api, 'leaver@school.org', 'agent');
    const res = await patch(leaver.user.id, { disabled: true });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: unknown }).user).toMatchObject({ id: leaver.user.id, disabled: true });
    expect(await errorCodeOf(await send(`${api.url}/api/admin/auth/me`, { token: leaver.token }))).toBe('unauthorized');
    expect((await lastAudit('user.updated')).details).toEqual({ disabled: { from: false, to: true } });

    expect((await patch(leaver.user.id, { disabled: false })).status).toBe(200);
    expect((await send(`${api.url}/api/admin/auth/me`, { token: leaver.token })).status).toBe(200);
  });

  it('changes a role and resets a password, auditing what changed but never the password', async () => {
    const user = await signedInUser(t, api, 'promoted@school.org', 'agent');
    const res = await patch(user.user.id, { role: 'admin', password: 'brand-new-password' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: unknown }).user).toMatchObject({ role: 'admin' });
    expect(
      (await postJson(`${api.url}/api/admin/auth/login`, { email: 'promoted@school.org', password: 'brand-new-password' })).status,
    ).toBe(200);
    const row = await lastAudit('user.updated');
    expect(row).toMatchObject({
      actor_id: head.user.id,
      target: user.user.id,
      details: { role: { from: 'agent', to: 'admin' }, password_changed: true },
    });
    expect(JSON.stringify(row)).not.toContain('brand-new-password');
    // Back to agent, so the last-admin tests below see one admin only.
    expect((await patch(user.user.id, { role: 'agent' })).status).toBe(200);
  });

  it.each([
    ['an empty change', {}],
    ['a misspelt field', { disable: true }],
    ['a short password', { password: 'short' }],
  ])('refuses %s (400)', async (_case, body) => {
    expect(await errorCodeOf(await patch(agent.user.id, body))).toBe('invalid_request');
  });

  it('answers 404 for an unknown user and 400 for an id that is not a uuid', async () => {
    expect(await errorCodeOf(await patch('0b7f3a52-4c1e-4d8a-9f3e-2a6c5b1d7e90', { disabled: true }))).toBe('not_found');
    expect(await errorCodeOf(await patch('42', { disabled: true }))).toBe('invalid_request');
  });
});

describe('display names (admin only)', () => {
  const storedName = async (id: string) =>
    (await t.db.selectFrom('admin_users').select('display_name').where('id', '=', id).executeTakeFirstOrThrow()).display_name;

  it('creates an account with a display name, trimmed, and audits it', async () => {
    const res = await create({ email: 'ms.smith@school.org', password: 'ms-smith-password', role: 'agent', display_name: '  Ms Smith ' });
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: { id: string } };
    expect(user).toEqual({
      id: expect.any(String),
      email: 'ms.smith@school.org',
      role: 'agent',
      display_name: 'Ms Smith',
      disabled: false,
    });
    expect(await storedName(user.id)).toBe('Ms Smith');
    expect((await lastAudit('user.created')).details).toEqual({ email: 'ms.smith@school.org', role: 'agent', display_name: 'Ms Smith' });
  });

  it('sets, renames and clears a display name, auditing each change, and lists it', async () => {
    const teacher = await signedInUser(t, api, 'mr.dube@school.org', 'agent');
    const named = await patch(teacher.user.id, { display_name: 'Mr Dube' });
    expect(named.status).toBe(200);
    expect(((await named.json()) as { user: unknown }).user).toEqual({
      id: teacher.user.id,
      email: 'mr.dube@school.org',
      role: 'agent',
      display_name: 'Mr Dube',
      disabled: false,
    });
    expect(await lastAudit('user.updated')).toMatchObject({
      actor_id: head.user.id,
      target: teacher.user.id,
      details: { display_name: { from: null, to: 'Mr Dube' } },
    });

    expect((await patch(teacher.user.id, { display_name: 'Sipho Dube' })).status).toBe(200);
    expect((await lastAudit('user.updated')).details).toEqual({ display_name: { from: 'Mr Dube', to: 'Sipho Dube' } });
    const listed = (await (await send(usersUrl(), { token: head.token })).json()) as {
      items: { id: string; display_name: string | null }[];
    };
    expect(listed.items.find((u) => u.id === teacher.user.id)?.display_name).toBe('Sipho Dube');

    const cleared = await patch(teacher.user.id, { display_name: null });
    expect(((await cleared.json()) as { user: unknown }).user).toMatchObject({ display_name: null });
    expect(await storedName(teacher.user.id)).toBeNull();
    expect((await lastAudit('user.updated')).details).toEqual({ display_name: { from: 'Sipho Dube', to: null } });
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['61 characters', 'x'.repeat(61)],
    ['a line break', 'Ms Smith\nReply with your password'],
    ['not text', 42],
  ])('refuses a display name that is %s (400), on create and on update, changing nothing', async (_case, display_name) => {
    const before = await lastAudit('user.updated');
    const created = await create({ email: 'refused@school.org', password: 'long-enough-1', role: 'agent', display_name });
    expect(created.status).toBe(400);
    expect(await errorCodeOf(created)).toBe('invalid_request');
    const updated = await patch(agent.user.id, { display_name });
    expect(updated.status).toBe(400);
    expect(((await updated.json()) as { error: { message: string } }).error.message).toMatch(/^display_name: /);
    expect(await storedName(agent.user.id)).toBeNull();
    expect((await lastAudit('user.updated')).id).toBe(before.id);
    expect(await t.db.selectFrom('admin_users').select('id').where('email', '=', 'refused@school.org').executeTakeFirst()).toBeUndefined();
  });
});

describe('the last admin', () => {
  it('answers 409 last_admin when the only enabled admin disables or demotes themselves', async () => {
    for (const change of [{ disabled: true }, { role: 'agent' }]) {
      const res = await patch(head.user.id, change);
      expect(res.status).toBe(409);
      expect(await errorCodeOf(res)).toBe('last_admin');
    }
    const row = await t.db
      .selectFrom('admin_users')
      .select(['role', 'disabled_at'])
      .where('id', '=', head.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'admin', disabled_at: null });
  });

  it('lets an admin step down once another enabled admin exists, and keeps one when both try at once', async () => {
    const deputy = await signedInUser(t, api, 'deputy@school.org', 'admin');
    const results = await Promise.all([
      patch(head.user.id, { role: 'agent' }, head.token),
      patch(deputy.user.id, { role: 'agent' }, deputy.token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const admins = await t.db.selectFrom('admin_users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).execute();
    expect(admins).toHaveLength(1);
  });
});

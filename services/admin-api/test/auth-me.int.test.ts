import { randomUUID } from 'node:crypto';
import { listen, type RunningServer } from '@app/runtime';
import express from 'express';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { createJwtTokens } from '../src/adapters/auth/jwt-tokens';
import { findUserById, setUserDisabled } from '../src/db/repositories/admin-user.repository';
import { errorMiddleware } from '../src/adapters/http/framework/error.middleware';
import { currentUser, requestContextMiddleware } from '../src/adapters/http/framework/request-context.middleware';
import { createRequireAuth } from '../src/adapters/http/framework/require-auth.middleware';
import type { AdminUser } from '../src/domain/admin-user';
import { authenticate } from '../src/use-cases/authenticate';
import {
  bearer,
  createTestSchema,
  createUser,
  errorCodeOf,
  JWT_SECRET,
  postJson,
  send,
  silentLog,
  startTestApi,
  type TestSchema,
} from './harness';

let t: TestSchema;
let api: RunningAdminApi;
let admin: AdminUser;
let meUrl: string;

async function tokenFor(email: string, password: string): Promise<string> {
  const res = await postJson(`${api.url}/api/admin/auth/login`, { email, password });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function expectUnauthorized(res: Response) {
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toBe('Bearer');
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
}

beforeAll(async () => {
  t = await createTestSchema();
  admin = await createUser(t.db, { email: 'admin@school.org', password: 'admin-password-1', role: 'admin' });
  api = await startTestApi(t.namespace);
  meUrl = `${api.url}/api/admin/auth/me`;
});

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

describe('GET /api/admin/auth/me', () => {
  it('answers 200 with the current user for a valid token', async () => {
    const token = await tokenFor('admin@school.org', 'admin-password-1');
    const res = await fetch(meUrl, { headers: bearer(token) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { id: admin.id, email: 'admin@school.org', role: 'admin', display_name: null } });
  });

  it('answers 401 without a token', async () => {
    await expectUnauthorized(await fetch(meUrl));
  });

  it.each([
    ['a token that is not a JWT', 'Bearer not-a-jwt'],
    ['another scheme', 'Basic YWRtaW46YWRtaW4='],
    ['a bare token without the scheme', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig'],
  ])('answers 401 for a malformed header: %s', async (_case, authorization) => {
    await expectUnauthorized(await fetch(meUrl, { headers: { authorization } }));
  });

  it('answers 401 for an expired token', async () => {
    const expired = jwt.sign({ sub: admin.id, role: 'admin', exp: Math.floor(Date.now() / 1000) - 10 }, JWT_SECRET, { algorithm: 'HS256' });
    await expectUnauthorized(await fetch(meUrl, { headers: bearer(expired) }));
  });

  it('answers 401 for a token signed with another secret', async () => {
    const forged = jwt.sign({ sub: admin.id, role: 'admin' }, 'not-the-secret-not-the-secret-not', { expiresIn: 600 });
    await expectUnauthorized(await fetch(meUrl, { headers: bearer(forged) }));
  });

  it('answers 401 once the user is disabled, even with a token issued before', async () => {
    const user = await createUser(t.db, { email: 'leaver@school.org', password: 'leaver-password', role: 'agent' });
    const token = await tokenFor('leaver@school.org', 'leaver-password');
    expect((await fetch(meUrl, { headers: bearer(token) })).status).toBe(200);
    await setUserDisabled(t.db, user.id, new Date());
    await expectUnauthorized(await fetch(meUrl, { headers: bearer(token) }));
  });
});

describe('PATCH /api/admin/auth/me', () => {
  it('lets an agent set and clear their own display name, which /me then shows, audited as their own change', async () => {
    const user = await createUser(t.db, { email: 'ms.nkosi@school.org', password: 'nkosi-password', role: 'agent' });
    const token = await tokenFor('ms.nkosi@school.org', 'nkosi-password');
    const res = await send(meUrl, {
      method: 'PATCH',
      token,
      body: { display_name: ' Ms Nkosi ' },
      headers: { 'user-agent': 'console-test/2.0' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { id: user.id, email: 'ms.nkosi@school.org', role: 'agent', display_name: 'Ms Nkosi' } });
    expect(await (await fetch(meUrl, { headers: bearer(token) })).json()).toMatchObject({ user: { display_name: 'Ms Nkosi' } });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.updated')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_id: user.id,
      actor_email: 'ms.nkosi@school.org',
      target: user.id,
      details: { display_name: { from: null, to: 'Ms Nkosi' } },
      user_agent: 'console-test/2.0',
    });

    const cleared = await send(meUrl, { method: 'PATCH', token, body: { display_name: null } });
    expect(await cleared.json()).toMatchObject({ user: { display_name: null } });
  });

  it.each([
    ['a role', { display_name: 'Boss', role: 'admin' }],
    ['a password', { display_name: 'Boss', password: 'a-new-password' }],
    ['no display_name at all', {}],
    ['an empty name', { display_name: '' }],
    ['a 61-character name', { display_name: 'x'.repeat(61) }],
  ])('refuses %s (400), changing nothing', async (_case, body) => {
    const user = await createUser(t.db, { email: `refused-${randomUUID()}@school.org`, password: 'refused-password', role: 'agent' });
    const token = await tokenFor(user.email, 'refused-password');
    expect(await errorCodeOf(await send(meUrl, { method: 'PATCH', token, body }))).toBe('invalid_request');
    const row = await t.db.selectFrom('admin_users').select(['role', 'display_name']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'agent', display_name: null });
    expect(await tokenFor(user.email, 'refused-password')).toEqual(expect.any(String));
  });

  it('answers 401 without a token', async () => {
    await expectUnauthorized(await send(meUrl, { method: 'PATCH', body: { display_name: 'Anyone' } }));
  });
});

describe('requireAuth with roles', () => {
  let probe: RunningServer;

  // A throwaway route behind requireAuth('admin'): the real role-restricted routes (users) come later.
  beforeAll(async () => {
    const tokens = createJwtTokens({ secret: JWT_SECRET, ttlSeconds: 600 });
    const requireAuth = createRequireAuth((token, roles) =>
      authenticate({ verifyToken: tokens.verify, findUserById: (id) => findUserById(t.db, id), now: () => new Date() }, token, roles),
    );
    const app = express();
    app.use(requestContextMiddleware(silentLog));
    app.get('/admins-only', requireAuth('admin'), (req, res) => {
      res.json({ email: currentUser(req).email });
    });
    app.use(errorMiddleware(silentLog));
    probe = await listen(app, 0, '127.0.0.1');
  });

  afterAll(async () => {
    await probe?.close();
  });

  it('lets an allowed role through', async () => {
    const token = await tokenFor('admin@school.org', 'admin-password-1');
    const res = await fetch(`${probe.url}/admins-only`, { headers: bearer(token) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ email: 'admin@school.org' });
  });

  it('answers 403 forbidden for a role that is not allowed', async () => {
    await createUser(t.db, { email: 'agent@school.org', password: 'agent-password-1', role: 'agent' });
    const token = await tokenFor('agent@school.org', 'agent-password-1');
    const res = await fetch(`${probe.url}/admins-only`, { headers: bearer(token) });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'your role may not do this' } });
  });
});

import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { createJwtTokens } from '../src/adapters/auth/jwt-tokens';
import type { Route } from '../src/adapters/http/routes/route-builders';
import { ROUTES } from '../src/adapters/http/routes/route-table';
import type { AdminUser } from '../src/domain/admin-user';
import { BSUID, PHONE } from './builders';
import { startNotFoundBackends, type NotFoundBackends } from './not-found-backends';
import { createTestSchema, createUser, JWT_SECRET, startTestApi, type TestSchema } from './harness';

/*
 * Generated from the route table: a route added to it is checked here without anyone writing a test for it.
 * Public routes are listed by hand, so making a route public is a visible decision in review. Health, ready
 * and metrics are not API routes (they are not in the table). openapi.json needs a token, as CONTRACT.md
 * opens only login, health and the console's static files.
 */
const PUBLIC_ROUTES = ['post /api/admin/auth/login'];

const key = (route: Route) => `${route.method} ${route.path}`;
const protectedRoutes = ROUTES.filter((r) => !('public' in r.access));
const adminOnly = protectedRoutes.filter((r) => !('public' in r.access) && !r.access.roles.includes('agent'));

let t: TestSchema;
let api: RunningAdminApi;
let admin: AdminUser;
let backends: NotFoundBackends;
const tokens = createJwtTokens({ secret: JWT_SECRET, ttlSeconds: 600 });
const tokenOf = (user: AdminUser) => tokens.issue({ userId: user.id, role: user.role }, new Date()).token;
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  t = await createTestSchema();
  api = await startTestApi(t.namespace);
  // Every engine and sender RPC answered, so an allowed call has no excuse for a 5xx.
  backends = await startNotFoundBackends(t.namespace);
  admin = await createUser(t.db, { email: 'head@school.org', password: 'admin-password', role: 'admin' });
  const agent = await createUser(t.db, { email: 'agent@school.org', password: 'agent-password', role: 'agent' });
  const disabledAdmin = await createUser(t.db, { email: 'gone@school.org', password: 'gone-password', role: 'admin', disabled: true });
  const expired = jwt.sign({ sub: admin.id, role: 'admin', exp: Math.floor(Date.now() / 1000) - 60 }, JWT_SECRET, { algorithm: 'HS256' });
  Object.assign(headers, {
    none: {},
    malformed: { authorization: 'Bearer not.a-valid.jwt' },
    wrongScheme: { authorization: `Basic ${Buffer.from('head@school.org:admin-password').toString('base64')}` },
    expired: { authorization: `Bearer ${expired}` },
    forged: {
      authorization: `Bearer ${jwt.sign({ sub: admin.id, role: 'admin' }, 'another-secret-another-secret-xx', { expiresIn: 600 })}`,
    },
    disabled: { authorization: `Bearer ${tokenOf(disabledAdmin)}` },
    agent: { authorization: `Bearer ${tokenOf(agent)}` },
    admin: { authorization: `Bearer ${tokenOf(admin)}` },
  });
});

afterAll(async () => {
  await backends?.close();
  await api?.stop();
  await t?.drop();
});

async function call(route: Route, as: string, student = PHONE): Promise<{ status: number; code: string | undefined }> {
  const path = route.path.replace('{student}', student).replace('{id}', admin.id);
  const abort = new AbortController();
  const res = await fetch(`${api.url}${path}`, {
    method: route.method.toUpperCase(),
    headers: { 'content-type': 'application/json', ...headers[as] },
    body: route.method === 'get' ? undefined : '{}',
    signal: abort.signal,
  });
  const isJson = res.headers.get('content-type')?.startsWith('application/json');
  const code = isJson ? ((await res.json()) as { error?: { code?: string } }).error?.code : undefined;
  abort.abort(); // an event stream that opened
  return { status: res.status, code };
}

describe('authorization matrix', () => {
  it('lists exactly the public routes it leaves out', () => {
    expect(ROUTES.filter((r) => 'public' in r.access).map(key)).toEqual(PUBLIC_ROUTES);
    expect(protectedRoutes.length).toBeGreaterThan(10);
  });

  it('knows how to fill every path parameter of the table, so no route is checked against a 400 instead', () => {
    const unfilled = ROUTES.filter((r) => /\{\w+\}/.test(r.path.replace('{student}', '').replace('{id}', '')));
    expect(unfilled.map(key)).toEqual([]);
  });

  describe.each(protectedRoutes.map((r) => [key(r), r] as const))('%s', (_name, route) => {
    it.each(['none', 'malformed', 'wrongScheme', 'expired', 'forged', 'disabled'])(
      'answers 401 unauthorized with token: %s',
      async (as) => {
        expect(await call(route, as)).toEqual({ status: 401, code: 'unauthorized' });
      },
    );

    it('lets an allowed role past authorization to an answer that is not a server error', async () => {
      const as = !('public' in route.access) && route.access.roles.includes('agent') ? 'agent' : 'admin';
      const { status, code } = await call(route, as);
      expect([401, 403], `${key(route)} as ${as} answered ${status} ${code}`).not.toContain(status);
      expect(status, `${key(route)} as ${as} answered ${status} ${code}`).toBeGreaterThanOrEqual(200);
      expect(status, `${key(route)} as ${as} answered ${status} ${code}`).toBeLessThan(500);
    });

    if (route.path.includes('{student}')) {
      it('answers a student named by business-scoped user id as one named by phone, and still refuses no token', async () => {
        const as = !('public' in route.access) && route.access.roles.includes('agent') ? 'agent' : 'admin';
        expect(await call(route, as, BSUID)).toEqual(await call(route, as, PHONE));
        expect(await call(route, 'none', BSUID)).toEqual({ status: 401, code: 'unauthorized' });
      });
    }
  });

  describe.each(adminOnly.map((r) => [key(r), r] as const))('%s', (_name, route) => {
    it('answers 403 forbidden to an agent', async () => {
      expect(await call(route, 'agent')).toEqual({ status: 403, code: 'forbidden' });
    });
  });
});

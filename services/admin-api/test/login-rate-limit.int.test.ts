import { startTcpProxy, testInfra, type TcpProxy } from '@app/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { capturedLog, createTestSchema, createUser, errorCodeOf, postJson, startTestApi, type TestSchema } from './harness';

let t: TestSchema;
let apiA: RunningAdminApi;
let apiB: RunningAdminApi;
const logA = capturedLog();

// Small limits keep the test short; the rule is the same as with the defaults (10 per account, 50 per IP).
const LIMITS = { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '8', LOGIN_FAILURE_WINDOW_SECONDS: '900' };

beforeAll(async () => {
  t = await createTestSchema();
  [apiA, apiB] = await Promise.all([startTestApi(t.namespace, LIMITS, logA.log), startTestApi(t.namespace, LIMITS)]);
});

afterAll(async () => {
  await Promise.all([apiA?.stop(), apiB?.stop()]);
  await t?.drop();
});

// Each test signs in "from" its own address: the loopback peer is a trusted proxy, so X-Forwarded-For counts.
const login = (api: RunningAdminApi, email: string, password: string, ip: string) =>
  postJson(`${api.url}/api/admin/auth/login`, { email, password }, { 'x-forwarded-for': ip });

describe('login rate limiting', () => {
  it('answers 429 too_many_requests with Retry-After once an account reached its failures, even with the right password', async () => {
    await createUser(t.db, { email: 'target@school.org', password: 'right-password', role: 'admin' });
    for (let i = 0; i < 3; i++) expect((await login(apiA, 'target@school.org', `guess-${i}`, '10.1.0.1')).status).toBe(401);
    const blocked = await login(apiA, 'target@school.org', 'right-password', '10.1.0.2');
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toEqual({ error: { code: 'too_many_requests', message: 'too many failed logins; try again later' } });
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(890);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(logA.lines().find((l) => l.msg === 'login throttled')).toMatchObject({ level: 'warn', email: 'target@school.org', ip: '10.1.0.2', limitedBy: 'account' });
  });

  it('counts failures across replicas: they share Redis', async () => {
    await createUser(t.db, { email: 'shared@school.org', password: 'right-password', role: 'agent' });
    expect((await login(apiA, 'shared@school.org', 'guess-1', '10.2.0.1')).status).toBe(401);
    expect((await login(apiB, 'shared@school.org', 'guess-2', '10.2.0.1')).status).toBe(401);
    expect((await login(apiA, 'shared@school.org', 'guess-3', '10.2.0.1')).status).toBe(401);
    expect(await errorCodeOf(await login(apiB, 'shared@school.org', 'right-password', '10.2.0.1'))).toBe('too_many_requests');
  });

  it('clears the account count on a successful login', async () => {
    await createUser(t.db, { email: 'forgetful@school.org', password: 'right-password', role: 'agent' });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) expect((await login(apiA, 'forgetful@school.org', 'wrong', '10.3.0.1')).status).toBe(401);
      expect((await login(apiA, 'forgetful@school.org', 'right-password', '10.3.0.1')).status).toBe(200);
    }
  });

  it('limits one address spraying many accounts, while other addresses still sign in', async () => {
    await createUser(t.db, { email: 'bystander@school.org', password: 'right-password', role: 'agent' });
    for (let i = 0; i < 8; i++) expect((await login(apiA, `user${i}@school.org`, 'guess', '10.4.0.1')).status).toBe(401);
    expect(await errorCodeOf(await login(apiB, 'bystander@school.org', 'right-password', '10.4.0.1'))).toBe('too_many_requests');
    expect((await login(apiB, 'bystander@school.org', 'right-password', '10.4.0.2')).status).toBe(200);
  });

  it('audits failed attempts but not throttled ones', async () => {
    const rows = await t.db.selectFrom('audit_log').select(['action', 'ip']).where('actor_email', '=', 'target@school.org').execute();
    expect(rows).toEqual(Array.from({ length: 3 }, () => ({ action: 'auth.login_failed', ip: '10.1.0.1' })));
  });
});

describe('login while Redis is unreachable', () => {
  let proxy: TcpProxy;
  let viaProxy: RunningAdminApi;

  beforeAll(async () => {
    const target = new URL(testInfra.redisUrl);
    proxy = await startTcpProxy(`tcp://${target.host}`);
    target.host = `127.0.0.1:${proxy.port}`;
    viaProxy = await startTestApi(t.namespace, { ...LIMITS, REDIS_URL: target.toString() });
  });

  afterAll(async () => {
    proxy?.restore();
    await viaProxy?.stop();
    await proxy?.close();
  });

  it('answers 503 unavailable rather than sign anyone in without the shared failure counts', async () => {
    await createUser(t.db, { email: 'during-outage@school.org', password: 'right-password', role: 'agent' });
    proxy.cut();
    const res = await login(viaProxy, 'during-outage@school.org', 'right-password', '10.5.0.1');
    expect(res.status).toBe(503);
    expect(await errorCodeOf(res)).toBe('unavailable');
  });
});

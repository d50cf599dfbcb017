import { startTcpProxy, testInfra, type TcpProxy } from '@app/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { capturedLog, createTestSchema, createUser, errorCodeOf, postJson, startTestApi, type TestSchema } from './harness';

let t: TestSchema;
let apiA: RunningAdminApi;
let apiB: RunningAdminApi;
const logA = capturedLog();

// Small limits keep the test short; the rule is the same as with the defaults (5 per pair, slow-down after 20
// failures per account, 100 per IP).
const LIMITS = {
  LOGIN_MAX_FAILURES_PER_PAIR: '5',
  LOGIN_MAX_FAILURES_PER_ACCOUNT: '8',
  LOGIN_ACCOUNT_SLOWDOWN_SECONDS: '1',
  LOGIN_MAX_FAILURES_PER_IP: '30',
  LOGIN_FAILURE_WINDOW_SECONDS: '900',
};

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
// Every password check is audited (throttled attempts are not), so these rows count the checks made.
const checksOf = async (email: string) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select(['action', 'ip'])
      .where('actor_email', '=', email)
      .where('action', 'like', 'auth.login_%')
      .execute()
  ).length;

describe('login rate limiting', () => {
  it('checks at most 5 passwords of a parallel burst of 20 wrong guesses from one address at one account; the rest are 429', async () => {
    await createUser(t.db, { email: 'burst@school.org', password: 'right-password', role: 'admin' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(i % 2 ? apiA : apiB, 'burst@school.org', `guess-${i}`, '10.6.0.1')),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(await checksOf('burst@school.org')).toBe(5);
  });

  it('answers 429 with Retry-After to the throttled pair even with the right password, while another address signs in', async () => {
    await createUser(t.db, { email: 'target@school.org', password: 'right-password', role: 'admin' });
    for (let i = 0; i < 5; i++) expect((await login(apiA, 'target@school.org', `guess-${i}`, '10.1.0.1')).status).toBe(401);
    const blocked = await login(apiA, 'target@school.org', 'right-password', '10.1.0.1');
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toEqual({ error: { code: 'too_many_requests', message: 'too many failed logins; try again later' } });
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(890);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(logA.lines().find((l) => l.msg === 'login throttled' && l.email === 'target@school.org')).toMatchObject({
      level: 'warn',
      ip: '10.1.0.1',
      limitedBy: 'pair',
    });
    expect((await login(apiB, 'target@school.org', 'right-password', '10.1.0.2')).status).toBe(200);
    expect((await login(apiB, 'target@school.org', 'right-password', '10.1.0.1')).status).toBe(429);
  });

  it('counts across replicas: they share Redis', async () => {
    await createUser(t.db, { email: 'shared@school.org', password: 'right-password', role: 'agent' });
    for (let i = 0; i < 5; i++) expect((await login(i % 2 ? apiA : apiB, 'shared@school.org', `guess-${i}`, '10.2.0.1')).status).toBe(401);
    expect(await errorCodeOf(await login(apiB, 'shared@school.org', 'right-password', '10.2.0.1'))).toBe('too_many_requests');
  });

  it('clears the pair count on a successful login', async () => {
    await createUser(t.db, { email: 'forgetful@school.org', password: 'right-password', role: 'agent' });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await login(apiA, 'forgetful@school.org', 'wrong', '10.3.0.1')).status).toBe(401);
      expect((await login(apiA, 'forgetful@school.org', 'right-password', '10.3.0.1')).status).toBe(200);
    }
  });

  it('slows an account guessed at from many addresses to one attempt per second, without locking the teacher out', async () => {
    await createUser(t.db, { email: 'popular@school.org', password: 'right-password', role: 'agent' });
    for (let i = 0; i < 8; i++) expect((await login(apiA, 'popular@school.org', 'guess', `10.7.0.${i}`)).status).toBe(401);
    // Past 8 failures: one attempt per second for the account, whatever the address.
    expect((await login(apiA, 'popular@school.org', 'guess', '10.7.1.1')).status).toBe(401);
    const slowed = await login(apiA, 'popular@school.org', 'right-password', '10.7.1.2');
    expect([slowed.status, slowed.headers.get('retry-after')]).toEqual([429, '1']);
    expect(logA.lines().find((l) => l.msg === 'login throttled' && l.email === 'popular@school.org')).toMatchObject({
      limitedBy: 'account',
      ip: '10.7.1.2',
    });
    // The teacher's retries through the slow-down do not use up their own pair: they get in.
    await expect
      .poll(async () => (await login(apiB, 'popular@school.org', 'right-password', '10.7.1.2')).status, { interval: 250, timeout: 5_000 })
      .toBe(200);
  });

  it('limits one address spraying many accounts, while other addresses still sign in', async () => {
    await createUser(t.db, { email: 'bystander@school.org', password: 'right-password', role: 'agent' });
    for (let i = 0; i < 30; i++) expect((await login(apiA, `user${i}@school.org`, 'guess', '10.4.0.1')).status).toBe(401);
    const capped = await login(apiB, 'bystander@school.org', 'right-password', '10.4.0.1');
    expect([capped.status, await errorCodeOf(capped)]).toEqual([429, 'too_many_requests']);
    expect((await login(apiB, 'bystander@school.org', 'right-password', '10.4.0.2')).status).toBe(200);
  });

  it('does not count successful logins against an address shared by a whole school', async () => {
    const users = await Promise.all(
      Array.from({ length: 3 }, (_, i) => createUser(t.db, { email: `teacher${i}@school.org`, password: 'right-password', role: 'agent' })),
    );
    for (let round = 0; round < 12; round++) {
      for (const user of users) expect((await login(apiA, user.email, 'right-password', '10.8.0.1')).status).toBe(200);
    }
  });

  it('audits failed attempts but not throttled ones', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'ip'])
      .where('actor_email', '=', 'target@school.org')
      .where('ip', '=', '10.1.0.1')
      .execute();
    expect(rows).toEqual(Array.from({ length: 5 }, () => ({ action: 'auth.login_failed', ip: '10.1.0.1' })));
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

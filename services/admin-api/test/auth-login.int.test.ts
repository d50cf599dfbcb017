import type { RunningAdminApi } from '../src/admin-api';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUser } from '../src/domain/admin-user';
import { createTestSchema, createUser, JWT_SECRET, postJson, startTestApi, type TestSchema } from './harness';

let t: TestSchema;
let api: RunningAdminApi;
let agent: AdminUser;
let loginUrl: string;

const INVALID_CREDENTIALS = { error: { code: 'invalid_credentials', message: 'email or password is incorrect' } };

beforeAll(async () => {
  t = await createTestSchema();
  agent = await createUser(t.db, { email: 'agent@school.org', password: 'agent-password-1', role: 'agent' });
  await createUser(t.db, { email: 'gone@school.org', password: 'gone-password-1', role: 'agent', disabled: true });
  api = await startTestApi(t.namespace);
  loginUrl = `${api.url}/api/admin/auth/login`;
});

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

const auditRows = (email: string) => t.db.selectFrom('audit_log').selectAll().where('actor_email', '=', email).orderBy('id').execute();

describe('POST /api/admin/auth/login', () => {
  it('answers 200 with a short-lived HS256 token carrying sub, role and exp, and the user', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await postJson(loginUrl, { email: 'agent@school.org', password: 'agent-password-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { token: string; expires_at: string; user: unknown };
    expect(body.user).toEqual({ id: agent.id, email: 'agent@school.org', role: 'agent', display_name: null });

    const claims = jwt.verify(body.token, JWT_SECRET, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    expect(claims).toMatchObject({ sub: agent.id, role: 'agent' });
    expect(claims.exp).toBe(Date.parse(body.expires_at) / 1000);
    expect(claims.exp).toBeGreaterThanOrEqual(before + 3600);
    expect(claims.exp).toBeLessThanOrEqual(before + 3600 + 5);
    expect(body.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('matches the email case-insensitively', async () => {
    const res = await postJson(loginUrl, { email: '  AGENT@School.org', password: 'agent-password-1' });
    expect(res.status).toBe(200);
  });

  it('answers 401 invalid_credentials for a wrong password', async () => {
    const res = await postJson(loginUrl, { email: 'agent@school.org', password: 'agent-password-2' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(INVALID_CREDENTIALS);
  });

  it('answers the same 401 for an unknown email', async () => {
    const res = await postJson(loginUrl, { email: 'nobody@school.org', password: 'agent-password-1' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(INVALID_CREDENTIALS);
  });

  it('answers the same 401 for a disabled user with the right password', async () => {
    const res = await postJson(loginUrl, { email: 'gone@school.org', password: 'gone-password-1' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(INVALID_CREDENTIALS);
  });

  it.each([
    ['a missing password', { email: 'agent@school.org' }],
    ['an email that is not an email', { email: 'agent', password: 'x' }],
    ['a number as password', { email: 'agent@school.org', password: 12345678 }],
    ['an array body', [1, 2]],
    ['JSON that does not parse', '{"email": "agent@school.org",'],
  ])('answers 400 invalid_request with the error envelope for %s', async (_case, body) => {
    const res = await postJson(loginUrl, body);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: { code: string; message: string } };
    expect(Object.keys(answer)).toEqual(['error']);
    expect(Object.keys(answer.error).sort()).toEqual(['code', 'message']);
    expect(answer.error.code).toBe('invalid_request');
    expect(answer.error.message).not.toMatch(/at .*\.ts|node_modules/);
  });

  it('answers 400 for a body that is not JSON at all', async () => {
    const res = await fetch(loginUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'email=a&password=b' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
  });

  it('answers 413 for a body over 100 kB', async () => {
    const res = await postJson(loginUrl, { email: 'agent@school.org', password: 'x'.repeat(150_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'payload_too_large', message: 'the request body is too large' } });
  });

  it('stores an argon2id hash, never the password', async () => {
    const row = await t.db.selectFrom('admin_users').select('password_hash').where('id', '=', agent.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(row.password_hash).not.toContain('agent-password-1');
  });

  it('audits every attempt, success and failure, with ip and user agent', async () => {
    const email = 'audited@school.org';
    const user = await createUser(t.db, { email, password: 'audited-password', role: 'admin' });
    const headers = { 'user-agent': 'admin-console-test/1.0' };
    expect((await postJson(loginUrl, { email, password: 'audited-password' }, headers)).status).toBe(200);
    expect((await postJson(loginUrl, { email, password: 'wrong-password' }, headers)).status).toBe(401);

    const rows = await auditRows(email);
    expect(rows.map((r) => [r.action, r.actor_id, r.target, r.details])).toEqual([
      ['auth.login_succeeded', user.id, user.id, {}],
      ['auth.login_failed', null, user.id, { reason: 'wrong_password' }],
    ]);
    for (const row of rows) {
      expect(row.ip).toMatch(/127\.0\.0\.1|::1/);
      expect(row.user_agent).toBe('admin-console-test/1.0');
      expect(row.created_at).toBeInstanceOf(Date);
      expect(JSON.stringify(row)).not.toMatch(/audited-password|wrong-password/);
    }
  });

  it('audits a failed attempt for an email that matches nobody', async () => {
    expect((await postJson(loginUrl, { email: 'intruder@example.com', password: 'guess' })).status).toBe(401);
    const rows = await auditRows('intruder@example.com');
    expect(rows.map((r) => [r.action, r.actor_id, r.target, r.details])).toEqual([
      ['auth.login_failed', null, null, { reason: 'unknown_email' }],
    ]);
  });
});

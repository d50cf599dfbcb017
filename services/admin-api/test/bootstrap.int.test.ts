import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { createArgon2PasswordHasher } from '../src/adapters/auth/argon2-passwords';
import { exclusiveBootstrap } from '../src/db/repositories/bootstrap.store';
import { ensureBootstrapAdmin } from '../src/use-cases/ensure-bootstrap-admin';
import { capturedLog, createTestSchema, createUser, postJson, startTestApi, type TestSchema } from './harness';

const ADMIN = { ADMIN_EMAIL: 'Head@School.org', ADMIN_PASSWORD: 'bootstrap-secret-9f2c' };

let t: TestSchema;
const running: RunningAdminApi[] = [];

async function start(env: Record<string, string>, log = capturedLog().log) {
  const api = await startTestApi(t.namespace, env, log);
  running.push(api);
  return api;
}

async function stopAll() {
  await Promise.all(running.splice(0).map((api) => api.stop()));
}

const admins = () => t.db.selectFrom('admin_users').select(['id', 'email', 'role']).where('role', '=', 'admin').execute();
const creations = () => t.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.created').execute();

beforeEach(async () => {
  t = await createTestSchema();
});

afterEach(async () => {
  await stopAll();
  await t.drop();
});

afterAll(stopAll);

describe('bootstrap admin at start', () => {
  it('creates exactly one admin when two replicas start at once, and none on restart', async () => {
    const logs = [capturedLog(), capturedLog()];
    await Promise.all(logs.map(({ log }) => start(ADMIN, log)));
    expect(await admins()).toEqual([{ id: expect.any(String), email: 'head@school.org', role: 'admin' }]);
    expect(await creations()).toHaveLength(1);

    await stopAll();
    await start(ADMIN);
    expect(await admins()).toHaveLength(1);
    expect(await creations()).toHaveLength(1);

    const res = await postJson(`${running[0]?.url}/api/admin/auth/login`, { email: 'head@school.org', password: ADMIN.ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(logs.flatMap((l) => l.lines()).filter((l) => l.msg === 'bootstrap admin created')).toHaveLength(1);
  });

  it('never writes the admin password to the logs, even at trace level', async () => {
    const { log, text } = capturedLog();
    await start(ADMIN, log);
    expect(text()).toContain('bootstrap admin created');
    expect(text()).not.toContain(ADMIN.ADMIN_PASSWORD);
  });

  it('stores the bootstrap password as an argon2id hash', async () => {
    await start(ADMIN);
    const row = await t.db.selectFrom('admin_users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(ADMIN.ADMIN_PASSWORD);
  });

  it('serialises replicas that both saw no admin, even with different emails', async () => {
    // Both pass the unlocked check (forced here); only the re-check under the lock keeps it to one admin.
    const hasher = await createArgon2PasswordHasher();
    const attempt = (email: string) =>
      ensureBootstrapAdmin(
        {
          adminExists: async () => false,
          hashPassword: hasher.hash,
          exclusively: exclusiveBootstrap(t.db),
        },
        { email, password: 'bootstrap-secret-9f2c' },
      );
    const outcomes = await Promise.all([attempt('one@school.org'), attempt('two@school.org'), attempt('three@school.org')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['admin_exists', 'admin_exists', 'created']);
    expect(await admins()).toHaveLength(1);
  });

  it('names the admin ADMIN_DISPLAY_NAME, trimmed, when it is set', async () => {
    await start({ ...ADMIN, ADMIN_DISPLAY_NAME: '  Mrs Naidoo  ' });
    const row = await t.db.selectFrom('admin_users').select(['email', 'display_name']).executeTakeFirstOrThrow();
    expect(row).toEqual({ email: 'head@school.org', display_name: 'Mrs Naidoo' });
    expect((await creations())[0]?.details).toEqual({
      email: 'head@school.org',
      role: 'admin',
      display_name: 'Mrs Naidoo',
      via: 'bootstrap',
    });
  });

  it('creates no admin when an admin exists already', async () => {
    await createUser(t.db, { email: 'existing@school.org', password: 'existing-password', role: 'admin' });
    await start(ADMIN);
    expect((await admins()).map((a) => a.email)).toEqual(['existing@school.org']);
  });

  it('starts without creating anyone when ADMIN_EMAIL belongs to an agent', async () => {
    await createUser(t.db, { email: 'head@school.org', password: 'agent-password-1', role: 'agent' });
    const { log, lines } = capturedLog();
    await start(ADMIN, log);
    expect(await admins()).toEqual([]);
    expect(lines().some((l) => l.level === 'warn' && String(l.msg).startsWith('bootstrap admin not created'))).toBe(true);
  });

  it('creates nobody when ADMIN_EMAIL and ADMIN_PASSWORD are not set', async () => {
    await start({});
    expect(await t.db.selectFrom('admin_users').select('id').execute()).toEqual([]);
  });
});

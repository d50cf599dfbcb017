import { describe, expect, it } from 'vitest';
import type { AdminUser } from '../domain/admin-user';
import type { AuditEntry } from '../domain/audit';
import { AppError } from '../domain/errors';
import { login, type LoginDeps } from './login';

const agent: AdminUser = { id: 'u-1', email: 'agent@school.org', role: 'agent', displayName: null, disabledAt: null };
const now = new Date('2026-05-01T08:00:00Z');

/** In-memory dependencies: a user whose password is `right`, with calls recorded. */
function setup(user: AdminUser = agent, blockedFor?: number) {
  const audits: AuditEntry[] = [];
  const calls: string[] = [];
  const deps: LoginDeps = {
    throttle: {
      admit: async () => blockedFor,
      recordFailure: async (email, ip) => {
        calls.push(`failure:${email}:${ip}`);
      },
      recordSuccess: async (email, ip) => {
        calls.push(`success:${email}:${ip}`);
      },
    },
    findCredentialsByEmail: async (email) => (email === user.email ? { user, passwordHash: 'hash-of-right' } : undefined),
    verifyPassword: async (hash, password) => {
      calls.push('verify');
      return hash === `hash-of-${password}`;
    },
    verifyDummyPassword: async () => {
      calls.push('verifyDummy');
    },
    issueToken: (claims, at) => ({ token: `token:${claims.userId}:${claims.role}`, expiresAt: new Date(at.getTime() + 3_600_000) }),
    recordAudit: async (entry) => {
      audits.push(entry);
    },
    now: () => now,
  };
  return { deps, audits, calls };
}

const attempt = (email: string, password: string) => ({ email, password, ip: '10.0.0.7', userAgent: 'console/1.0' });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error('expected an AppError');
  return error;
}

describe('login', () => {
  it('issues a token for the right password and audits the success', async () => {
    const { deps, audits } = setup();
    const result = await login(deps, attempt(' Agent@School.org ', 'right'));
    expect(result).toEqual({ token: 'token:u-1:agent', expiresAt: new Date('2026-05-01T09:00:00Z'), user: agent });
    expect(audits).toEqual([
      {
        actorId: 'u-1',
        actorEmail: 'agent@school.org',
        action: 'auth.login_succeeded',
        target: 'u-1',
        details: {},
        ip: '10.0.0.7',
        userAgent: 'console/1.0',
      },
    ]);
  });

  it('answers the same invalid_credentials for a wrong password, an unknown email and a disabled user', async () => {
    const wrong = setup();
    const unknown = setup();
    const disabled = setup({ ...agent, disabledAt: new Date(0) });
    const errors = await Promise.all([
      failure(login(wrong.deps, attempt('agent@school.org', 'wrong'))),
      failure(login(unknown.deps, attempt('ghost@school.org', 'right'))),
      failure(login(disabled.deps, attempt('agent@school.org', 'right'))),
    ]);
    for (const error of errors) expect([error.code, error.message]).toEqual(['invalid_credentials', 'email or password is incorrect']);
    expect([wrong, unknown, disabled].map((s) => s.audits[0]?.details)).toEqual([
      { reason: 'wrong_password' },
      { reason: 'unknown_email' },
      { reason: 'disabled' },
    ]);
    expect(unknown.audits[0]).toMatchObject({ action: 'auth.login_failed', actorId: null, actorEmail: 'ghost@school.org', target: null });
  });

  it('pays for one password verification on every path, so timing does not reveal which emails exist', async () => {
    const unknown = setup();
    await failure(login(unknown.deps, attempt('ghost@school.org', 'x')));
    expect(unknown.calls.filter((c) => c.startsWith('verify'))).toEqual(['verifyDummy']);
    const disabled = setup({ ...agent, disabledAt: new Date(0) });
    await failure(login(disabled.deps, attempt('agent@school.org', 'right')));
    expect(disabled.calls.filter((c) => c.startsWith('verify'))).toEqual(['verify']);
  });

  it('refuses the login when the success cannot be audited', async () => {
    const { deps } = setup();
    deps.recordAudit = async () => {
      throw new Error('connection terminated');
    };
    await expect(login(deps, attempt('agent@school.org', 'right'))).rejects.toThrow('connection terminated');
  });

  it('counts a failure, and a success, for the account and the address', async () => {
    const { deps, calls } = setup();
    await failure(login(deps, attempt('Agent@School.org', 'wrong')));
    await login(deps, attempt('agent@school.org', 'right'));
    expect(calls.filter((c) => !c.startsWith('verify'))).toEqual([
      'failure:agent@school.org:10.0.0.7',
      'success:agent@school.org:10.0.0.7',
    ]);
  });

  it('answers too_many_requests with the wait, before checking any password, while throttled', async () => {
    const { deps, calls, audits } = setup(agent, 420);
    const error = await failure(login(deps, attempt('agent@school.org', 'right')));
    expect([error.code, error.retryAfterSeconds]).toEqual(['too_many_requests', 420]);
    expect(calls).toEqual([]);
    expect(audits).toEqual([]);
  });
});

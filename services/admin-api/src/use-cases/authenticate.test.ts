import { describe, expect, it } from 'vitest';
import type { AdminUser } from '../domain/admin-user';
import type { Role } from '../domain/role';
import { authenticate, type AuthenticateDeps } from './authenticate';

const stored: AdminUser = { id: 'u-1', email: 'agent@school.org', role: 'agent', displayName: null, disabledAt: null };

function deps(user: AdminUser | undefined, tokenRole: Role = 'agent'): AuthenticateDeps {
  return {
    verifyToken: (token) => (token === 'valid' ? { userId: 'u-1', role: tokenRole } : undefined),
    findUserById: async (id) => (user && id === user.id ? user : undefined),
    now: () => new Date(),
  };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: { code?: string }) => error.code,
  );

describe('authenticate', () => {
  it('answers the stored user for a valid token', async () => {
    await expect(authenticate(deps(stored), 'valid', [])).resolves.toEqual(stored);
  });

  it('refuses a missing or invalid token, a deleted user and a disabled user with unauthorized', async () => {
    expect(await codeOf(authenticate(deps(stored), undefined, []))).toBe('unauthorized');
    expect(await codeOf(authenticate(deps(stored), 'forged', []))).toBe('unauthorized');
    expect(await codeOf(authenticate(deps(undefined), 'valid', []))).toBe('unauthorized');
    expect(await codeOf(authenticate(deps({ ...stored, disabledAt: new Date() }), 'valid', []))).toBe('unauthorized');
  });

  it('refuses a role that is not allowed with forbidden', async () => {
    expect(await codeOf(authenticate(deps(stored), 'valid', ['admin']))).toBe('forbidden');
    expect(await codeOf(authenticate(deps(stored), 'valid', ['admin', 'agent']))).toBe('ok');
  });

  it('checks the role stored now, not the one the token was issued with', async () => {
    expect(await codeOf(authenticate(deps(stored, 'admin'), 'valid', ['admin']))).toBe('forbidden');
  });
});

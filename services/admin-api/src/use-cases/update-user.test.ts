import { describe, expect, it } from 'vitest';
import type { AdminUser } from '../domain/admin-user';
import type { AuditEntry } from '../domain/audit';
import { AppError } from '../domain/errors';
import { updateUser, type UserChangeRequest } from './update-user';
import type { UserAdminDeps, UserPatch } from './user-store';

const head: AdminUser = { id: 'a-1', email: 'head@school.org', role: 'admin', displayName: null, disabledAt: null };
const agent: AdminUser = { id: 'u-2', email: 'agent@school.org', role: 'agent', displayName: null, disabledAt: null };
const now = new Date('2026-05-01T08:00:00Z');

function setup(users: AdminUser[]) {
  const store = new Map(users.map((u) => [u.id, u]));
  const audits: AuditEntry[] = [];
  const calls: string[] = [];
  const deps: UserAdminDeps = {
    hashPassword: async (password) => `hash:${password}`,
    now: () => now,
    inTransaction: (work) =>
      work({
        lockAdminRoles: async () => {
          calls.push('lock');
        },
        findUserById: async (id) => store.get(id),
        insertUser: async () => undefined,
        updateUser: async (id, patch: UserPatch) => {
          calls.push(`update:${JSON.stringify(patch)}`);
          const current = store.get(id) as AdminUser;
          const updated = {
            ...current,
            role: patch.role ?? current.role,
            displayName: patch.displayName === undefined ? current.displayName : patch.displayName,
            disabledAt: patch.disabledAt === undefined ? current.disabledAt : patch.disabledAt,
          };
          store.set(id, updated);
          return updated;
        },
        countOtherActiveAdmins: async (id) => [...store.values()].filter((u) => u.id !== id && u.role === 'admin' && !u.disabledAt).length,
        recordAudit: async (entry) => {
          audits.push(entry);
        },
      }),
  };
  const change = (id: string, request: UserChangeRequest) =>
    updateUser(deps, { actor: head, origin: { ip: null, userAgent: null }, id, change: request });
  return { change, audits, calls, store };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AppError ? error.code : 'unexpected'),
  );

describe('updateUser', () => {
  it('refuses, under the lock, to leave no enabled admin', async () => {
    const { change, calls, audits } = setup([head, agent]);
    expect(await codeOf(change(head.id, { disabled: true }))).toBe('last_admin');
    expect(await codeOf(change(head.id, { role: 'agent' }))).toBe('last_admin');
    expect(calls).toEqual(['lock', 'lock']);
    expect(audits).toEqual([]);
  });

  it('answers not_found for an unknown id', async () => {
    expect(await codeOf(setup([head]).change('nobody', { disabled: true }))).toBe('not_found');
  });

  it('keeps the first disabled_at when disabling twice, and hashes a new password', async () => {
    const disabledSince = new Date('2026-01-01T00:00:00Z');
    const { change, calls, audits } = setup([head, { ...agent, disabledAt: disabledSince }]);
    await change(agent.id, { disabled: true, password: 'new-password' });
    expect(calls.at(-1)).toBe(`update:${JSON.stringify({ disabledAt: disabledSince, passwordHash: 'hash:new-password' })}`);
    expect(audits[0]?.details).toEqual({ disabled: { from: true, to: true }, password_changed: true });
  });

  it('disables with the current time and re-enables with null', async () => {
    const { change, store } = setup([head, agent]);
    await change(agent.id, { disabled: true });
    expect(store.get(agent.id)?.disabledAt).toEqual(now);
    await change(agent.id, { disabled: false });
    expect(store.get(agent.id)?.disabledAt).toBeNull();
  });

  it('sets and clears a display name, auditing it from and to', async () => {
    const { change, calls, audits, store } = setup([head, agent]);
    await change(agent.id, { displayName: 'Ms Khumalo' });
    expect(calls.at(-1)).toBe(`update:${JSON.stringify({ displayName: 'Ms Khumalo' })}`);
    expect(store.get(agent.id)?.displayName).toBe('Ms Khumalo');
    await change(agent.id, { displayName: null });
    expect(store.get(agent.id)?.displayName).toBeNull();
    expect(audits.map((a) => a.details)).toEqual([
      { display_name: { from: null, to: 'Ms Khumalo' } },
      { display_name: { from: 'Ms Khumalo', to: null } },
    ]);
  });
});

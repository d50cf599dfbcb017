import { describe, expect, it } from 'vitest';
import type { AdminUser } from './admin-user';
import { actorOf } from './actor';

const user: AdminUser = { id: 'u-1', email: 'ms.khumalo@school.org', role: 'agent', displayName: null, disabledAt: null };

describe('actorOf', () => {
  it('names the admin by their display name when they have one', () => {
    expect(actorOf({ ...user, displayName: 'Ms Khumalo' })).toEqual({ id: 'u-1', name: 'Ms Khumalo', role: 'agent' });
  });

  it('falls back to the local part of their email without a display name', () => {
    expect(actorOf(user)).toEqual({ id: 'u-1', name: 'ms.khumalo', role: 'agent' });
  });

  it('uses the whole email when its local part is empty', () => {
    expect(actorOf({ ...user, email: '@school.org' }).name).toBe('@school.org');
  });
});

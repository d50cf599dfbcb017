import { describe, expect, it } from 'vitest';
import { actorOf } from './actor';

describe('actorOf', () => {
  it('names the admin by the local part of their email', () => {
    const user = { id: 'u-1', email: 'ms.khumalo@school.org', role: 'agent' as const, disabledAt: null };
    expect(actorOf(user)).toEqual({ id: 'u-1', name: 'ms.khumalo', role: 'agent' });
  });
});

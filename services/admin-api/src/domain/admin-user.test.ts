import { describe, expect, it } from 'vitest';
import { isDisabled, normalizeEmail } from './admin-user';

describe('normalizeEmail', () => {
  it('lower-cases and trims so one person has one account', () => {
    expect(normalizeEmail('  Head.Teacher@School.ORG ')).toBe('head.teacher@school.org');
  });
});

describe('isDisabled', () => {
  it('is true only once disabledAt is set', () => {
    const user = { id: 'u', email: 'a@b.co', role: 'agent' as const, displayName: null, disabledAt: null };
    expect(isDisabled(user)).toBe(false);
    expect(isDisabled({ ...user, disabledAt: new Date(0) })).toBe(true);
  });
});

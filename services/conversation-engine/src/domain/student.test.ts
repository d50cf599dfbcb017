import { describe, expect, it } from 'vitest';
import { sendTarget, studentLabel } from './student';

describe('naming a student to the sender', () => {
  it('sends to the phone whenever it is known, even when the user id is known too', () => {
    expect(sendTarget({ phone: '447700900001', userId: 'NG.123' })).toEqual({ to: '447700900001' });
    expect(studentLabel({ phone: '447700900001', userId: 'NG.123' })).toBe('447700900001');
  });

  it('sends to the business-scoped user id of a student who withholds their number', () => {
    expect(sendTarget({ phone: null, userId: 'NG.123' })).toEqual({ recipient: 'NG.123' });
    expect(studentLabel({ phone: null, userId: 'NG.123' })).toBe('NG.123');
  });

  it('refuses a student named by nothing (the database never holds one)', () => {
    expect(() => sendTarget({ phone: null, userId: null })).toThrow();
  });
});

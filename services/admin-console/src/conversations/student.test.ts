import { describe, expect, it } from 'vitest';
import { BSUID, conversation, usernameOnly } from '../testing/builders';
import { formatStudentKey, idsOf, isNamedBy, isStudentKey, sameStudent, studentDetail, studentKey, studentName } from './student';

describe('how the console names a student', () => {
  it('shows the registered or profile name, else @username, else the phone, else the user id', () => {
    const full = conversation({ phone_number: '447700900001', user_id: BSUID, username: 'ada.l', student_name: 'Ada Lovelace' });
    expect(studentName(full)).toBe('Ada Lovelace');
    expect(studentName({ ...full, student_name: null })).toBe('@ada.l');
    expect(studentName({ ...full, student_name: '   ', username: null })).toBe('+447700900001');
    expect(studentName({ ...full, student_name: null, username: null, phone_number: null })).toBe(BSUID);
  });

  it('never names a student with an empty string', () => {
    expect(studentName(conversation({ phone_number: null, user_id: null, username: '', student_name: '' }))).toBe('Unknown student');
  });

  it('puts the phone under the name when there is one, else what the name does not already say', () => {
    expect(studentDetail(conversation({ phone_number: '447700900001', user_id: BSUID, username: 'ada.l' }))).toBe('+447700900001');
    expect(studentDetail(usernameOnly({ student_name: 'Thandi' }))).toBe('@thandi.m');
    expect(studentDetail(usernameOnly())).toBe(BSUID);
    expect(studentDetail(usernameOnly({ username: null }))).toBeNull();
    expect(studentDetail(conversation({ student_name: null }))).toBeNull();
  });

  it('keys a conversation by phone when known, else by user id', () => {
    expect(studentKey(conversation({ phone_number: '447700900001', user_id: BSUID }))).toBe('447700900001');
    expect(studentKey(usernameOnly())).toBe(BSUID);
    expect(idsOf(conversation({ phone_number: '447700900001', user_id: BSUID }))).toEqual(['447700900001', BSUID]);
    expect(idsOf(usernameOnly())).toEqual([BSUID]);
  });

  it('takes one student known by phone, by user id or by both for one, and two different ones for two', () => {
    const byPhone = { phone_number: '447700900001', user_id: null };
    const byUserId = { phone_number: null, user_id: BSUID };
    const byBoth = { phone_number: '447700900001', user_id: BSUID };
    expect(sameStudent(byPhone, byBoth)).toBe(true);
    expect(sameStudent(byUserId, byBoth)).toBe(true);
    expect(sameStudent(byPhone, byUserId)).toBe(false);
    expect(sameStudent({ phone_number: null, user_id: null }, { phone_number: null, user_id: null })).toBe(false);
    expect(isNamedBy(byBoth, BSUID)).toBe(true);
    expect(isNamedBy(byBoth, '447700900001')).toBe(true);
    expect(isNamedBy(byUserId, '447700900001')).toBe(false);
  });

  it('accepts phone digits and user ids as an address, as admin-api does, and shows them', () => {
    expect(['447700900001', BSUID, 'US.ENT.abc123'].every(isStudentKey)).toBe(true);
    expect(['+447700900001', 'ng.123', 'NG', 'thandi.m', '12345', ''].some(isStudentKey)).toBe(false);
    expect(formatStudentKey('447700900001')).toBe('+447700900001');
    expect(formatStudentKey(BSUID)).toBe(BSUID);
  });
});

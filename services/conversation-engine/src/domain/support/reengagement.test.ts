import { describe, expect, it } from 'vitest';
import { reengagementMessage, UNKNOWN_STUDENT_NAME } from './reengagement';

describe('the re-engagement template', () => {
  it("fills the body's one parameter with the student's name when the template takes it", () => {
    expect(reengagementMessage({ name: 'reengagement', language: 'en', params: 'student_name' }, { name: 'Ada Lovelace' })).toEqual({
      kind: 'template',
      name: 'reengagement',
      language: 'en',
      bodyParameters: ['Ada Lovelace'],
    });
  });

  it('falls back to a neutral word for a student without a name', () => {
    expect(reengagementMessage({ name: 'reengagement', language: 'en', params: 'student_name' }, { name: null })).toMatchObject({
      bodyParameters: [UNKNOWN_STUDENT_NAME],
    });
  });

  it('sends no parameter to a template without one', () => {
    expect(reengagementMessage({ name: 'hello_again', language: 'en_GB', params: 'none' }, { name: 'Ada' })).toMatchObject({
      name: 'hello_again',
      language: 'en_GB',
      bodyParameters: [],
    });
  });
});

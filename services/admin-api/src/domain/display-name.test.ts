import { describe, expect, it } from 'vitest';
import { DISPLAY_NAME_MAX_LENGTH, displayNameSchema } from './display-name';

describe('displayNameSchema', () => {
  it('takes a name trimmed, up to the maximum length, in any script', () => {
    expect(displayNameSchema.parse('  Ms Smith ')).toBe('Ms Smith');
    expect(displayNameSchema.parse('Nomsa Dlamini-Khumalo')).toBe('Nomsa Dlamini-Khumalo');
    expect(displayNameSchema.parse('السيدة سميث')).toBe('السيدة سميث');
    expect(displayNameSchema.parse('x'.repeat(DISPLAY_NAME_MAX_LENGTH))).toHaveLength(DISPLAY_NAME_MAX_LENGTH);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['one character too long', 'x'.repeat(DISPLAY_NAME_MAX_LENGTH + 1)],
    ['a line break inside', 'Ms Smith\nPlease reply with your password'],
    ['a control character', 'Ms\u0007Smith'],
    ['a line separator', 'Ms Smith\u2028Admin'],
  ])('refuses a name that is %s', (_case, name) => {
    expect(displayNameSchema.safeParse(name).success).toBe(false);
  });
});

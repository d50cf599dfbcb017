import { describe, expect, it } from 'vitest';
import { validateClass, validateEmail, validateName } from './validation';

describe('validateName', () => {
  it.each([
    ['Ada Lovelace', 'Ada Lovelace'],
    ["Siobhán O'Brien", "Siobhán O'Brien"],
    ['Jean-Luc  Picard ', 'Jean-Luc Picard'],
    ['Renée O\u2019Neil', "Renée O'Neil"],
    ['Zoë', 'Zoë'],
    ['李小龙', '李小龙'],
    ['Chatwin', 'Chatwin'],
    ['Agent Smith', 'Agent Smith'],
  ])('accepts %j as %j', (raw, value) => {
    expect(validateName(raw)).toEqual({ ok: true, value });
  });

  it.each(['A', '', '   ', 'R2D2', 'John.Smith', '-Ann', "Ann'", 'Ann 😀', 'a'.repeat(81), 'ada@example.com'])('rejects %j', (raw) => {
    expect(validateName(raw)).toEqual({ ok: false });
  });

  it('accepts 80 characters, counted as characters not UTF-16 units', () => {
    expect(validateName('a'.repeat(80)).ok).toBe(true);
    expect(validateName('𝒜'.repeat(3)).ok).toBe(true);
  });
});

describe('validateEmail', () => {
  it.each([
    ['ada@example.com', 'ada@example.com'],
    [' Ada.King+maths@School.Example.ORG ', 'Ada.King+maths@school.example.org'],
  ])('accepts %j as %j', (raw, value) => {
    expect(validateEmail(raw)).toEqual({ ok: true, value });
  });

  it.each([
    'ada',
    'ada@',
    '@example.com',
    'ada@example',
    'ada@@example.com',
    'ada example@x.com',
    'ada..k@example.com',
    'ada@-x.com',
    'ada@example.c0m',
    `${'a'.repeat(65)}@example.com`,
  ])('rejects %j', (raw) => {
    expect(validateEmail(raw)).toEqual({ ok: false });
  });
});

describe('validateClass', () => {
  it('takes any typed class of 1-30 characters as it is', () => {
    expect(validateClass(' Form 4B ')).toEqual({ ok: true, value: 'Form 4B' });
    expect(validateClass('x'.repeat(30)).ok).toBe(true);
    expect(validateClass('x'.repeat(31)).ok).toBe(false);
    expect(validateClass('   ').ok).toBe(false);
  });
});

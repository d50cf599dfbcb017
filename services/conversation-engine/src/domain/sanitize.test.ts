import { describe, expect, it } from 'vitest';
import { mayNeedSanitizing, retryDelayMs, sanitizeForPostgres } from './sanitize';

describe('sanitizeForPostgres', () => {
  it('strips NUL from strings at any depth, keys included', () => {
    const input = { text: { body: 'a\u0000b' }, list: ['\u0000x', 1, null, true], 'k\u0000ey': 'v' };
    expect(sanitizeForPostgres(input)).toEqual({ value: { text: { body: 'ab' }, list: ['x', 1, null, true], key: 'v' }, changed: true });
  });

  it('replaces lone surrogates with U+FFFD and keeps valid pairs', () => {
    const { value, changed } = sanitizeForPostgres(['\uD83D\uDE00', 'a\uD83Db', '\uDE00', 'end\uD800']);
    expect(changed).toBe(true);
    expect(value).toEqual(['\uD83D\uDE00', 'a\uFFFDb', '\uFFFD', 'end\uFFFD']);
  });

  it('reports no change for clean input and returns an equal value', () => {
    const input = { a: 'héllo 😀', b: [1, { c: 'd' }] };
    expect(sanitizeForPostgres(input)).toEqual({ value: input, changed: false });
  });
});

describe('mayNeedSanitizing', () => {
  it('is true for any JSON text whose parse sanitizeForPostgres would change', () => {
    for (const value of [{ t: 'a\u0000b' }, ['x\uD800'], { '\uDE00': 1 }]) {
      const json = JSON.stringify(value);
      expect(sanitizeForPostgres(JSON.parse(json)).changed).toBe(true);
      expect(mayNeedSanitizing(json)).toBe(true);
    }
    expect(mayNeedSanitizing('{"t":"a\\u0000"}')).toBe(true);
    expect(mayNeedSanitizing('{"t":"\\ud83d\\ude00"}')).toBe(true);
  });

  it('is false for ordinary events, emoji and accents included', () => {
    expect(mayNeedSanitizing(JSON.stringify({ a: 'héllo 😀', b: [1, { c: 'd' }] }))).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base per attempt and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, 1_000))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000]);
    expect(retryDelayMs(100, 1_000)).toBe(30_000);
    expect(retryDelayMs(0, 50)).toBe(50);
    expect(retryDelayMs(3, 10, 25)).toBe(25);
  });
});

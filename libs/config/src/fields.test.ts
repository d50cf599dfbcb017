import { describe, expect, it } from 'vitest';
import { DEFAULTS, devDefault, jwtSecret, MAX_SHUTDOWN_DRAIN_MS, placeholderProblem, shutdownDrainMs } from './fields';

describe('shutdownDrainMs', () => {
  it('drains 3 s in production and not at all elsewhere, unless set', () => {
    expect(shutdownDrainMs({ NODE_ENV: 'production' }).parse(undefined)).toBe(3_000);
    expect(shutdownDrainMs({ NODE_ENV: 'test' }).parse(undefined)).toBe(0);
    expect(shutdownDrainMs({}).parse(undefined)).toBe(0);
    expect(shutdownDrainMs({ NODE_ENV: 'production' }).parse('250')).toBe(250);
  });

  it("refuses a drain that would not leave time to close within the contract's 10 s", () => {
    expect(shutdownDrainMs({}).safeParse(String(MAX_SHUTDOWN_DRAIN_MS + 1)).success).toBe(false);
    expect(shutdownDrainMs({}).safeParse('-1').success).toBe(false);
  });
});

describe('secrets in production', () => {
  const prod = { NODE_ENV: 'production' };
  it('refuses the development defaults and template placeholders, naming the rule and never the value', () => {
    for (const value of [
      DEFAULTS.dev.appSecret,
      DEFAULTS.dev.verifyToken,
      DEFAULTS.dev.accessToken,
      'CHANGE_ME',
      'change-me-please',
      'REPLACE_ME',
      'your app secret',
      'xxxx',
      'a'.repeat(40),
    ]) {
      const result = devDefault(prod, 'unused').safeParse(value);
      expect(result.success, value).toBe(false);
      expect(JSON.stringify(result.error?.issues)).not.toContain(value);
    }
    const jwt = jwtSecret(prod).safeParse('CHANGE_ME_TO_AT_LEAST_32_RANDOM_CHARACTERS');
    expect(jwt.success).toBe(false);
    expect(jwt.error?.issues[0]?.message).toMatch(/placeholder/);
  });

  it('takes real values in production, and keeps the development defaults elsewhere', () => {
    expect(devDefault(prod, 'unused').parse('9f8e7d6c5b4a39281706f5e4d3c2b1a0')).toBe('9f8e7d6c5b4a39281706f5e4d3c2b1a0');
    expect(jwtSecret(prod).parse('k3F9x2Qm7Lp0Zr8Vt5Ws1Yb6Nc4Hd-Jg')).toBe('k3F9x2Qm7Lp0Zr8Vt5Ws1Yb6Nc4Hd-Jg');
    expect(devDefault({}, DEFAULTS.dev.appSecret).parse(undefined)).toBe(DEFAULTS.dev.appSecret);
    expect(placeholderProblem('EAAG1234abcd')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_SHUTDOWN_DRAIN_MS, shutdownDrainMs } from './fields';

describe('shutdownDrainMs', () => {
  it('drains 3 s in production and not at all elsewhere, unless set', () => {
    expect(shutdownDrainMs({ NODE_ENV: 'production' }).parse(undefined)).toBe(3_000);
    expect(shutdownDrainMs({ NODE_ENV: 'test' }).parse(undefined)).toBe(0);
    expect(shutdownDrainMs({}).parse(undefined)).toBe(0);
    expect(shutdownDrainMs({ NODE_ENV: 'production' }).parse('250')).toBe(250);
  });

  it('refuses a drain that would not leave time to close within the contract\'s 10 s', () => {
    expect(shutdownDrainMs({}).safeParse(String(MAX_SHUTDOWN_DRAIN_MS + 1)).success).toBe(false);
    expect(shutdownDrainMs({}).safeParse('-1').success).toBe(false);
  });
});

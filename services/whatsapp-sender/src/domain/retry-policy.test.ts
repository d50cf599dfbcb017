import { describe, expect, it } from 'vitest';
import {
  backoffCeilingMs,
  backoffDelayMs,
  decideRetry,
  JITTER,
  MAX_BACKOFF_MS,
  MAX_PAIR_BACKOFF_MS,
  pairBackoffCeilingMs,
  withJitter,
} from './retry-policy';
import { classifySendError } from './send-error';

const policy = { maxAttempts: 4, backoffBaseMs: 1_000, pairBackoffBaseMs: 4_000 };
const lowest = () => 0;
const highest = () => 0.999_999;
const middle = () => 0.5;
const metaError = (code: number, status = 400) => classifySendError({ kind: 'http', status, code, title: `error ${code}` });

describe('backoff ceilings', () => {
  it('doubles from the base after each attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffCeilingMs(attempt, 1_000))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('quadruples from the base after each pair rate limit', () => {
    expect([1, 2, 3].map((attempt) => pairBackoffCeilingMs(attempt, 4_000))).toEqual([4_000, 16_000, 64_000]);
  });

  it('never waits longer than the caps', () => {
    expect(backoffCeilingMs(40, 1_000)).toBe(MAX_BACKOFF_MS);
    expect(pairBackoffCeilingMs(40, 4_000)).toBe(MAX_PAIR_BACKOFF_MS);
  });
});

describe('jitter', () => {
  it('draws every delay between half its ceiling and the ceiling', () => {
    expect(withJitter(1_000, highest)).toBe(Math.round(1_000 * (1 - JITTER * 0.999_999)));
    expect(withJitter(1_000, lowest)).toBe(1_000);
    expect(withJitter(1_000, middle)).toBe(750);
    for (let i = 0; i < 1_000; i++) {
      const delay = backoffDelayMs(3, 1_000, Math.random);
      expect(delay).toBeGreaterThanOrEqual(2_000);
      expect(delay).toBeLessThanOrEqual(4_000);
    }
  });

  it('spreads delays out: replicas that failed together do not come back together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(2, 1_000, Math.random)));
    expect(delays.size).toBeGreaterThan(25);
  });
});

describe('decideRetry', () => {
  it('retries a temporary error with exponential backoff', () => {
    expect(decideRetry(metaError(131000, 500), 2, policy, lowest)).toEqual({ kind: 'retry', delayMs: 2_000 });
    expect(decideRetry(classifySendError({ kind: 'timeout', title: 'x' }), 1, policy, middle)).toEqual({ kind: 'retry', delayMs: 750 });
  });

  it('waits at least a minute for an account in maintenance (131057)', () => {
    expect(decideRetry(metaError(131057), 1, policy, middle)).toEqual({ kind: 'retry', delayMs: 60_000 });
  });

  it.each([130429, 4, 80007])('slows the whole queue down for throughput code %i', (code) => {
    expect(decideRetry(metaError(code), 3, policy, lowest)).toEqual({ kind: 'throttle', delayMs: 4_000 });
  });

  it('delays only the recipient after a pair rate limit, 4^n', () => {
    expect(decideRetry(metaError(131056), 1, policy, lowest)).toEqual({ kind: 'retry', delayMs: 4_000 });
    expect(decideRetry(metaError(131056), 2, policy, middle)).toEqual({ kind: 'retry', delayMs: 12_000 });
  });

  it('pauses for an invalid token whatever the attempt, without giving up', () => {
    expect(decideRetry(metaError(190, 401), 1, policy, lowest)).toEqual({ kind: 'pause' });
    expect(decideRetry(metaError(190, 401), policy.maxAttempts, policy, lowest)).toEqual({ kind: 'pause' });
  });

  it.each([131026, 131047, 100, 131008, 131009, 368, 131031, 131048, 131049, 131050, 130472])(
    'fails permanent code %i at once, never retried',
    (code) => {
      expect(decideRetry(metaError(code), 1, policy, lowest)).toEqual({ kind: 'fail' });
    },
  );

  it.each([131000, 130429, 131056])('gives code %i up on the last allowed attempt', (code) => {
    expect(decideRetry(metaError(code), policy.maxAttempts, policy, lowest)).toEqual({ kind: 'fail' });
  });
});

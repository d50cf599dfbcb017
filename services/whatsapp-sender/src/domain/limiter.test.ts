import { describe, expect, it } from 'vitest';
import { limiterFor } from './limiter';

describe('limiterFor', () => {
  it('splits the rate into tenths of a second', () => {
    expect(limiterFor(80)).toEqual({ max: 8, duration: 100 });
    expect(limiterFor(1_000)).toEqual({ max: 100, duration: 100 });
  });

  it('allows one message per window for slow rates', () => {
    expect(limiterFor(1)).toEqual({ max: 1, duration: 1_000 });
    expect(limiterFor(4)).toEqual({ max: 1, duration: 250 });
  });

  it.each([1, 3, 7, 13, 80, 85, 99, 250, 1_000])('never exceeds %i per second, and stays within 5% of it', (rate) => {
    const { max, duration } = limiterFor(rate);
    const effective = (max * 1_000) / duration;
    expect(effective).toBeLessThanOrEqual(rate);
    expect(effective).toBeGreaterThanOrEqual(rate * 0.95);
  });
});

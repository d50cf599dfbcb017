import { describe, expect, it } from 'vitest';
import { QUEUE_NOTICE_INTERVAL_MS, shouldTellQueuePosition } from './queue-position';

const NOW = new Date('2026-11-23T09:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('telling a waiting student their place in line', () => {
  it('tells a place never told', () => {
    expect(shouldTellQueuePosition({ position: null, at: null }, 4, NOW)).toBe(true);
  });

  it('never tells the same or a worse place', () => {
    expect(shouldTellQueuePosition({ position: 3, at: ago(10 * 60_000) }, 3, NOW)).toBe(false);
    expect(shouldTellQueuePosition({ position: 3, at: ago(10 * 60_000) }, 4, NOW)).toBe(false);
  });

  it('tells an improvement at most once a minute', () => {
    expect(shouldTellQueuePosition({ position: 5, at: ago(QUEUE_NOTICE_INTERVAL_MS - 1) }, 4, NOW)).toBe(false);
    expect(shouldTellQueuePosition({ position: 5, at: ago(QUEUE_NOTICE_INTERVAL_MS) }, 4, NOW)).toBe(true);
  });

  it('always tells the student who reaches the front', () => {
    expect(shouldTellQueuePosition({ position: 2, at: ago(1_000) }, 1, NOW)).toBe(true);
  });
});

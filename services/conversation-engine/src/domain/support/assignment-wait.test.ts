import { describe, expect, it } from 'vitest';
import { describeWait, expectedWaitSeconds } from './assignment-wait';

describe('the expected wait', () => {
  it('is the recent median wait times the place, shared by the available agents', () => {
    expect(expectedWaitSeconds({ medianWaitSeconds: 120, chats: 5 }, 3, 2)).toBe(180);
    expect(expectedWaitSeconds({ medianWaitSeconds: 120, chats: 5 }, 2, 0)).toBe(240);
  });
  it('is not said without enough recent chats', () => {
    expect(expectedWaitSeconds({ medianWaitSeconds: 120, chats: 2 }, 1, 1)).toBeNull();
    expect(expectedWaitSeconds({ medianWaitSeconds: null, chats: 0 }, 1, 1)).toBeNull();
  });
  it('reads like a person would say it', () => {
    expect(describeWait(20)).toBe('less than a minute');
    expect(describeWait(80)).toBe('about 1 minute');
    expect(describeWait(290)).toBe('about 5 minutes');
    expect(describeWait(3 * 3600)).toBe('about 3 hours');
  });
});

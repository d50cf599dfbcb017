import { describe, expect, it } from 'vitest';
import { screenOf } from './shell';

describe('the address of a conversation', () => {
  it('names the student by phone digits or by business-scoped user id', () => {
    expect(screenOf('/conversations')).toEqual({ name: 'conversations', student: null });
    expect(screenOf('/conversations/447700900001')).toEqual({ name: 'conversations', student: '447700900001' });
    expect(screenOf('/conversations/NG.13491208655302741918')).toEqual({ name: 'conversations', student: 'NG.13491208655302741918' });
    expect(screenOf('/conversations/US.ENT.abc123/')).toEqual({ name: 'conversations', student: 'US.ENT.abc123' });
  });

  it('is not found for anything else', () => {
    for (const path of ['/conversations/thandi.m', '/conversations/+447700900001', '/conversations/ng.123', '/conversations/1/2']) {
      expect(screenOf(path), path).toEqual({ name: 'missing' });
    }
  });
});

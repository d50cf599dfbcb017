import { describe, expect, it } from 'vitest';
import { assignmentLine, effectiveAvailability, pickAgent, reassignDue, unansweredSince } from './assignment';

const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 12, 0, s));
const agent = (id: string, capacity: number, load: number, idle: number) => ({ id, name: id, capacity, load, idleSince: at(idle) });

describe('pickAgent', () => {
  it('takes the most free capacity, then the longest idle, then the id', () => {
    expect(pickAgent([agent('a', 3, 2, 0), agent('b', 2, 0, 9)])?.id).toBe('b');
    expect(pickAgent([agent('a', 2, 1, 5), agent('b', 1, 0, 1)])?.id).toBe('b');
    expect(pickAgent([agent('b', 1, 0, 1), agent('a', 1, 0, 1)])?.id).toBe('a');
  });
  it('offers nobody at or past capacity, nor an excluded agent', () => {
    expect(pickAgent([agent('a', 2, 2, 0), agent('b', 1, 3, 0)])).toBeNull();
    expect(pickAgent([agent('a', 2, 0, 0)], new Set(['a']))).toBeNull();
  });
});

describe('availability and auto-reassign', () => {
  it('is offline once presence has lapsed, whatever was chosen', () => {
    expect(effectiveAvailability('available', at(10), at(5))).toBe('available');
    expect(effectiveAvailability('available', at(10), at(10))).toBe('offline');
    expect(effectiveAvailability('away', null, at(0))).toBe('offline');
  });
  it('counts the wait from the assignment, or from the first message after the last answer', () => {
    expect(unansweredSince({ assignedAt: at(10), agentRepliedAt: null }, null)).toEqual(at(10));
    expect(unansweredSince({ assignedAt: at(10), agentRepliedAt: at(5) }, at(7))).toEqual(at(10));
    expect(unansweredSince({ assignedAt: at(10), agentRepliedAt: at(20) }, null)).toBeNull();
    expect(unansweredSince({ assignedAt: at(10), agentRepliedAt: at(20) }, at(30))).toEqual(at(30));
  });
  it('is due after the set time, never when off', () => {
    expect(reassignDue(at(0), 30, at(30))).toBe(true);
    expect(reassignDue(at(0), 30, at(29))).toBe(false);
    expect(reassignDue(at(0), 0, at(59))).toBe(false);
    expect(reassignDue(null, 30, at(59))).toBe(false);
  });
  it('writes the line for the team', () => {
    expect(assignmentLine({ reason: 'unanswered', from: 'Ana', to: null, afterSeconds: 300 })).toBe(
      'Reassigned from Ana to the queue: no answer to the student for 5 minutes.',
    );
    expect(assignmentLine({ reason: 'transferred', from: 'Ana', to: 'Ben' })).toBe('Transferred from Ana to Ben.');
  });
});

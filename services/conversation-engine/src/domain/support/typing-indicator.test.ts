import { describe, expect, it } from 'vitest';
import { planTypingIndicator } from './typing-indicator';

const active = { status: 'active' as const, assignedTo: { id: 'a-1', name: 'Mary' } };
const newestInbound = { id: 'm-1', wamid: 'wamid.IN-1' };
const now = new Date('2026-12-11T10:00:00Z');
const at = (msAgo: number) => new Date(now.getTime() - msAgo);
const plan = (overrides: Partial<Parameters<typeof planTypingIndicator>[0]> = {}) =>
  planTypingIndicator({ chat: active, newestInbound, windowOpen: true, lastIndicatedAt: null, now, intervalMs: 20_000, ...overrides });

describe('showing the student a typing indicator while an admin types', () => {
  it("names the student's newest message in an active chat", () => {
    expect(plan()).toEqual({ kind: 'send', messageId: 'm-1', wamid: 'wamid.IN-1' });
  });

  it('sends at most one per interval, and again once it has passed', () => {
    expect(plan({ lastIndicatedAt: at(19_999) })).toEqual({ kind: 'skip', reason: 'throttled' });
    expect(plan({ lastIndicatedAt: at(20_000) }).kind).toBe('send');
  });

  it('counts an indicator from a clock ahead of ours as recent', () => {
    expect(plan({ lastIndicatedAt: at(-5_000) })).toEqual({ kind: 'skip', reason: 'throttled' });
  });

  it('refuses a chat that is waiting or not open', () => {
    expect(plan({ chat: { status: 'waiting', assignedTo: null } })).toMatchObject({ kind: 'refuse', code: 'chat_not_active' });
    expect(plan({ chat: null })).toMatchObject({ kind: 'refuse', code: 'chat_not_active' });
  });

  it('sends nothing without a message from the student or outside the 24-hour window', () => {
    expect(plan({ newestInbound: undefined })).toEqual({ kind: 'skip', reason: 'no_inbound_message' });
    expect(plan({ newestInbound: { id: 'm-1', wamid: null } })).toEqual({ kind: 'skip', reason: 'no_inbound_message' });
    expect(plan({ windowOpen: false })).toEqual({ kind: 'skip', reason: 'outside_service_window' });
  });
});

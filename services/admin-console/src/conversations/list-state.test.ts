import { describe, expect, it } from 'vitest';
import { conversation } from '../testing/builders';
import { appendPage, applyUpdate, belongsTo } from './list-state';

describe('the conversation list', () => {
  const waiting = conversation({ phone_number: '447700900002', is_chat_support: true, support_status: 'waiting', state: 'support' });

  it('filters support chats by status and searches names and numbers', () => {
    expect(belongsTo(waiting, 'waiting', '')).toBe(true);
    expect(belongsTo(waiting, 'active', '')).toBe(false);
    expect(belongsTo(conversation(), 'waiting', '')).toBe(false);
    expect(belongsTo(conversation(), 'all', 'LOVE')).toBe(true);
    expect(belongsTo(conversation(), 'all', '+44 7700')).toBe(true);
    expect(belongsTo(conversation(), 'all', 'grace')).toBe(false);
  });

  it('moves an updated conversation to the top, newest activity first', () => {
    const older = conversation({ phone_number: '1', last_message_time: '2026-11-20T09:00:00.000Z' });
    const newer = conversation({ phone_number: '2', last_message_time: '2026-11-20T09:30:00.000Z' });
    const updated = { ...older, last_message: 'new', last_message_time: '2026-11-20T11:00:00.000Z' };
    expect(applyUpdate([newer, older], updated, 'all', '').map((c) => [c.phone_number, c.last_message])).toEqual([
      ['1', 'new'],
      ['2', 'hi'],
    ]);
  });

  it('drops a conversation that no longer matches the filter, and adds one that now does', () => {
    const claimed = { ...waiting, support_status: 'active' as const };
    expect(applyUpdate([waiting], claimed, 'waiting', '')).toEqual([]);
    expect(applyUpdate([], waiting, 'waiting', '')).toEqual([waiting]);
  });

  it('does not repeat a conversation already shown when the next page arrives', () => {
    const a = conversation({ phone_number: '1' });
    const b = conversation({ phone_number: '2' });
    expect(appendPage([a], [a, b]).map((c) => c.phone_number)).toEqual(['1', '2']);
  });
});

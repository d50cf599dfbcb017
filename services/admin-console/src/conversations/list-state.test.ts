import { describe, expect, it } from 'vitest';
import { BSUID, conversation, usernameOnly } from '../testing/builders';
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

  it('finds a username-only student by username (with or without @) and by user id', () => {
    expect(belongsTo(usernameOnly(), 'all', 'thandi')).toBe(true);
    expect(belongsTo(usernameOnly(), 'all', '@Thandi.M')).toBe(true);
    expect(belongsTo(usernameOnly(), 'all', BSUID.toLowerCase())).toBe(true);
    expect(belongsTo(usernameOnly(), 'all', 'grace')).toBe(false);
    expect(belongsTo(usernameOnly(), 'all', '+44 7700')).toBe(false);
  });

  it('updates the one row of a student whose update names them by both ids, whichever the row knew', () => {
    const byUserId = usernameOnly({ last_message: 'hi' });
    const byPhone = conversation({ phone_number: '447700900002', user_id: null, last_message: 'hello' });
    const other = conversation({ phone_number: '447700900003', last_message: 'other' });
    const gainedPhone = {
      ...byUserId,
      phone_number: '447700900009',
      last_message: 'now with a phone',
      last_message_time: '2026-11-21T10:00:00.000Z',
    };
    const gainedUserId = {
      ...byPhone,
      user_id: 'ZA.42',
      last_message: 'now with a user id',
      last_message_time: '2026-11-21T11:00:00.000Z',
    };
    const once = applyUpdate([byUserId, byPhone, other], gainedPhone, 'all', '');
    const twice = applyUpdate(once, gainedUserId, 'all', '');
    expect(twice.map((c) => c.last_message)).toEqual(['now with a user id', 'now with a phone', 'other']);
  });

  it('does not repeat a student a page names by both ids when the list knows them by one', () => {
    const shown = usernameOnly();
    const next = conversation();
    expect(appendPage([shown], [{ ...shown, phone_number: '447700900009' }, next])).toEqual([shown, next]);
  });

  it('does not repeat a conversation already shown when the next page arrives', () => {
    const a = conversation({ phone_number: '1' });
    const b = conversation({ phone_number: '2' });
    expect(appendPage([a], [a, b]).map((c) => c.phone_number)).toEqual(['1', '2']);
  });
});

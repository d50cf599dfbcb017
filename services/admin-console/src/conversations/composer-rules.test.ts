import { describe, expect, it } from 'vitest';
import { conversation } from '../testing/builders';
import { composerState } from './composer-rules';

const now = Date.parse('2026-11-20T12:00:00.000Z');
const open = '2026-11-21T09:00:00.000Z';
const closed = '2026-11-20T11:59:00.000Z';

describe('the send box rules', () => {
  it('allows sending in a waiting chat (which it claims) and an active one', () => {
    expect(composerState(conversation({ support_status: 'waiting', is_chat_support: true, service_window_expires_at: open }), now)).toEqual(
      {
        canSend: true,
        hint: 'Sending a message claims this chat.',
      },
    );
    expect(composerState(conversation({ support_status: 'active', is_chat_support: true, service_window_expires_at: open }), now)).toEqual({
      canSend: true,
      hint: null,
    });
  });

  it('says why when the student is not in a chat', () => {
    const state = composerState(conversation({ support_status: 'ended', service_window_expires_at: open }), now);
    expect(state).toMatchObject({ canSend: false, offerTemplate: false, reason: expect.stringMatching(/not in a support chat/) });
  });

  it('offers the template when the 24-hour window is closed, even in an active chat', () => {
    const state = composerState(conversation({ support_status: 'active', is_chat_support: true, service_window_expires_at: closed }), now);
    expect(state).toMatchObject({ canSend: false, offerTemplate: true, reason: expect.stringMatching(/24 hours/) });
    expect(composerState(conversation({ service_window_expires_at: null }), now)).toMatchObject({ canSend: false, offerTemplate: true });
  });
});

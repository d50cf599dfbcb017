// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BSUID, conversation, usernameOnly, waitingChat } from '../testing/builders';
import { fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';
import type * as notifications from './notifications';
import { announceWaiting } from './notifications';

vi.mock('./notifications', async (original) => ({ ...(await original<typeof notifications>()), announceWaiting: vi.fn() }));

beforeEach(() => {
  localStorage.clear();
  vi.mocked(announceWaiting).mockClear();
});
afterEach(cleanup);

const known = waitingChat({ phone_number: '447700900001', student_name: 'Known Student' });
const api = () => fakeApi({ listConversations: vi.fn(() => Promise.resolve({ items: [known], next_cursor: null })) });

describe('alerts for new waiting chats', () => {
  it('announces a chat that starts waiting, once, and not the ones already waiting', async () => {
    localStorage.setItem('admin-console.notify-waiting', 'on');
    const view = renderConsole({ api: api() });
    await waitFor(() => expect(view.api.listConversations).toHaveBeenCalledWith({ filter: 'waiting', limit: 100 }));
    await screen.findByRole('heading', { name: 'Dashboard' });
    const asking = waitingChat({ phone_number: '447700900002', student_name: 'New Student' });
    view.emit('conversation.updated', { phone_number: known.phone_number, conversation: { ...known, last_message: 'still here' } });
    view.emit('conversation.updated', { phone_number: asking.phone_number, conversation: asking });
    view.emit('conversation.updated', { phone_number: asking.phone_number, conversation: { ...asking, unread_count: 2 } });
    expect(vi.mocked(announceWaiting).mock.calls).toEqual([['New Student', '447700900002']]);
    // Claimed, then waiting again (a new request): announced again.
    view.emit('conversation.updated', { phone_number: asking.phone_number, conversation: { ...asking, support_status: 'active' } });
    view.emit('conversation.updated', { phone_number: asking.phone_number, conversation: asking });
    expect(announceWaiting).toHaveBeenCalledTimes(2);
  });

  it('announces a username-only student by @username, and once only when their phone appears', async () => {
    localStorage.setItem('admin-console.notify-waiting', 'on');
    const view = renderConsole({ api: api() });
    await waitFor(() => expect(view.api.listConversations).toHaveBeenCalledWith({ filter: 'waiting', limit: 100 }));
    await screen.findByRole('heading', { name: 'Dashboard' });
    const asking = usernameOnly({ is_chat_support: true, support_status: 'waiting', state: 'support' });
    view.emit('conversation.updated', { phone_number: null, user_id: BSUID, conversation: asking });
    view.emit('conversation.updated', {
      phone_number: '447700900042',
      user_id: BSUID,
      conversation: { ...asking, phone_number: '447700900042' },
    });
    expect(vi.mocked(announceWaiting).mock.calls).toEqual([['@thandi.m', BSUID]]);
  });

  it('stays silent unless the admin opted in', async () => {
    const view = renderConsole({ api: api() });
    await screen.findByRole('heading', { name: 'Dashboard' });
    view.emit('conversation.updated', { phone_number: '447700900002', conversation: waitingChat({ phone_number: '447700900002' }) });
    view.emit('conversation.updated', { phone_number: '447700900003', conversation: conversation({ phone_number: '447700900003' }) });
    expect(announceWaiting).not.toHaveBeenCalled();
    expect(screen.getByRole('checkbox', { name: /Notify me/ })).toHaveProperty('checked', false);
  });
});

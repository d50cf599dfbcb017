// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleApi } from '../api/console-api';
import { conversation, message, waitingChat } from '../testing/builders';
import { fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';

const PHONE = '447700900001';
const note = (overrides = {}) =>
  message({
    id: 'note-1',
    direction: 'outbound',
    author: 'agent',
    agent_name: 'Ms Khumalo',
    type: 'note',
    private: true,
    status: 'received',
    text: 'Parent phoned.',
    ...overrides,
  });

function openThread(chat = waitingChat({ phone_number: PHONE }), overrides: Partial<ConsoleApi> = {}) {
  return renderConsole({
    path: `/conversations/${PHONE}`,
    api: fakeApi({ markRead: vi.fn(() => Promise.resolve({ conversation: chat })), ...overrides }),
  });
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('private notes', () => {
  it('adds a note from the Note tab, never as a message, and shows it marked private', async () => {
    const addNote = vi.fn(() => Promise.resolve({ message: note({ text: 'Parent phoned about fees.' }) }));
    const view = openThread(undefined, { addNote });
    await userEvent.click(await screen.findByRole('button', { name: 'Note' }));
    const box = await screen.findByLabelText('Private note on Ada Lovelace');
    await userEvent.type(box, 'Parent phoned about fees.{Enter}');
    expect(addNote).toHaveBeenCalledWith(PHONE, 'Parent phoned about fees.');
    expect(view.api.sendMessage).not.toHaveBeenCalled();
    expect(view.api.indicateTyping).not.toHaveBeenCalled();
    const item = (await screen.findByText('Parent phoned about fees.')).closest('li')!;
    expect(item.className).toContain('message-private-note');
    expect(within(item).getByText('Private note')).toBeTruthy();
    expect(within(item).queryByRole('img')).toBeNull();
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('lets a note be written on a conversation no message could be sent to', async () => {
    openThread(conversation({ phone_number: PHONE, support_status: 'ended' }));
    expect(((await screen.findByLabelText('Message to Ada Lovelace')) as HTMLTextAreaElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Note' }));
    expect(((await screen.findByLabelText('Private note on Ada Lovelace')) as HTMLTextAreaElement).disabled).toBe(false);
    expect(screen.getByRole('button', { name: 'Add note' })).toBeTruthy();
  });

  it('shows a note that arrives live from a colleague', async () => {
    const view = openThread();
    await screen.findByLabelText('Message to Ada Lovelace');
    view.emit('message.created', {
      phone_number: PHONE,
      user_id: null,
      message: note({ id: 'note-live', text: 'Colleague: already emailed her.' }),
    });
    const item = (await screen.findByText('Colleague: already emailed her.')).closest('li')!;
    expect(within(item).getByText('Private note')).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleApi } from '../api/console-api';
import { waitingChat } from '../testing/builders';
import { fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';

const PHONE = '447700900001';
const rendered = (shortcut: string, title: string, text: string) => ({
  id: `id-${shortcut}`,
  shortcut,
  title,
  body: text,
  text,
  updated_at: '2026-12-07T12:00:00.000Z',
});
const REPLIES = [
  rendered('fees', 'School fees', 'Hi Ada Lovelace, fees are due on the 1st.'),
  rendered('hours', 'Office hours', 'We are open 8 to 4, Ada Lovelace.'),
];

function openThread(overrides: Partial<ConsoleApi> = {}) {
  const chat = waitingChat({ phone_number: PHONE });
  return renderConsole({
    path: `/conversations/${PHONE}`,
    api: fakeApi({
      markRead: vi.fn(() => Promise.resolve({ conversation: chat })),
      renderedCannedReplies: vi.fn(() => Promise.resolve({ items: REPLIES })),
      ...overrides,
    }),
  });
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the canned-reply picker', () => {
  it('opens on /, searches as the agent types, and fills the box with the chosen reply without sending it', async () => {
    const view = openThread();
    const box = (await screen.findByLabelText('Message to Ada Lovelace')) as HTMLTextAreaElement;
    await userEvent.type(box, '/');
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual([
      expect.stringContaining('/fees'),
      expect.stringContaining('/hours'),
    ]);
    expect(view.api.renderedCannedReplies).toHaveBeenCalledWith(PHONE);
    await userEvent.type(box, 'office');
    expect(screen.getAllByRole('option')).toHaveLength(1);
    await userEvent.keyboard('{Enter}');
    expect(box.value).toBe('We are open 8 to 4, Ada Lovelace.');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(view.api.sendMessage).not.toHaveBeenCalled();
  });

  it('chooses with the arrow keys or a click, and closes on Escape', async () => {
    openThread();
    const box = (await screen.findByLabelText('Message to Ada Lovelace')) as HTMLTextAreaElement;
    await userEvent.type(box, '/');
    await screen.findAllByRole('option');
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box.value).toBe('/');
    await userEvent.type(box, 'f');
    await userEvent.click(await screen.findByRole('option', { name: /School fees/ }));
    expect(box.value).toBe('Hi Ada Lovelace, fees are due on the 1st.');
  });

  it('stays shut while a message is being written, and fetches nothing for it', async () => {
    const view = openThread();
    await userEvent.type(await screen.findByLabelText('Message to Ada Lovelace'), 'Hello /fees');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(view.api.renderedCannedReplies).not.toHaveBeenCalled();
  });

  it('says so when there is no match', async () => {
    openThread();
    await userEvent.type(await screen.findByLabelText('Message to Ada Lovelace'), '/zzz');
    await waitFor(() => expect(screen.getByText('No canned reply matches.')).toBeTruthy());
  });
});

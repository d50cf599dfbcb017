// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleApi } from '../api/console-api';
import { ApiError } from '../api/api-error';
import { conversation, message, waitingChat } from '../testing/builders';
import { ADMIN, fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';

const PHONE = '447700900001';
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

function openThread(chat = waitingChat({ phone_number: PHONE }), overrides: Partial<ConsoleApi> = {}) {
  return renderConsole({
    path: `/conversations/${PHONE}`,
    api: fakeApi({ markRead: vi.fn(() => Promise.resolve({ conversation: chat })), ...overrides }),
  });
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the send box', () => {
  it('sends on Enter with the message in the `message` field and the draft idempotency key, then clears', async () => {
    const sendMessage = vi.fn(() =>
      Promise.resolve({ message: message({ id: 'sent-1', text: 'Hi Ada', author: 'agent', direction: 'outbound', status: 'queued' }) }),
    );
    openThread(undefined, { sendMessage });
    const box = await screen.findByLabelText('Message to Ada Lovelace');
    await userEvent.type(box, 'Hi Ada{Enter}');
    expect(sendMessage).toHaveBeenCalledOnce();
    expect(sendMessage).toHaveBeenCalledWith(PHONE, 'Hi Ada', expect.stringMatching(/^draft-[0-9a-f]{32}$/));
    expect(await screen.findByRole('img', { name: 'Queued' })).toBeTruthy();
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('starts a new line on Shift+Enter instead of sending', async () => {
    const view = openThread();
    const box = await screen.findByLabelText('Message to Ada Lovelace');
    await userEvent.type(box, 'line one{Shift>}{Enter}{/Shift}line two');
    expect((box as HTMLTextAreaElement).value).toBe('line one\nline two');
    expect(view.api.sendMessage).not.toHaveBeenCalled();
  });

  it('sends one request for a double click, and the same key again when retrying the same text', async () => {
    let failFirst: (error: Error) => void = () => undefined;
    const sendMessage = vi
      .fn<ConsoleApi['sendMessage']>()
      .mockImplementationOnce(() => new Promise((_resolve, reject) => (failFirst = reject)))
      .mockImplementation(() => Promise.resolve({ message: message({ direction: 'outbound', author: 'agent', status: 'queued' }) }));
    openThread(undefined, { sendMessage });
    await userEvent.type(await screen.findByLabelText('Message to Ada Lovelace'), 'Hello');
    await userEvent.dblClick(screen.getByRole('button', { name: 'Send' }));
    expect(sendMessage).toHaveBeenCalledOnce();
    failFirst(new ApiError(0, 'network', 'fetch failed'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not sent:/);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(2));
    expect(sendMessage.mock.calls[1]?.[2]).toBe(sendMessage.mock.calls[0]?.[2]);
  });

  it('is disabled with the reason when the student is not in a support chat', async () => {
    openThread(conversation({ phone_number: PHONE, support_status: 'ended' }));
    const box = await screen.findByLabelText('Message to Ada Lovelace');
    expect((box as HTMLTextAreaElement).disabled).toBe(true);
    expect(screen.getByText(/not in a support chat/)).toBeTruthy();
    expect(box.getAttribute('aria-describedby')).toBe(screen.getByText(/not in a support chat/).parentElement?.id);
  });

  it('offers the re-engagement template when the 24-hour window closed, if admin-api has the route', async () => {
    const closed = waitingChat({ phone_number: PHONE, service_window_expires_at: hourAgo() });
    const sendTemplate = vi.fn(() => Promise.resolve());
    openThread(closed, { capabilities: vi.fn(() => Promise.resolve({ template: true, media: false })), sendTemplate });
    expect(await screen.findByText(/more than 24 hours old/)).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Send re-engagement template' }));
    expect(sendTemplate).toHaveBeenCalledWith(PHONE);
    expect(await screen.findByText(/template sent/i)).toBeTruthy();
  });

  it('gives the reason only when admin-api has no template route', async () => {
    openThread(waitingChat({ phone_number: PHONE, service_window_expires_at: hourAgo() }));
    expect(await screen.findByText(/more than 24 hours old/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send re-engagement template' })).toBeNull();
  });

  it('tells admin-api once that the admin is typing for a burst of keystrokes in an active chat', async () => {
    const active = waitingChat({ phone_number: PHONE, support_status: 'active', assigned_to: { id: ADMIN.id, name: 'head' } });
    const view = openThread(active);
    const box = await screen.findByLabelText('Message to Ada Lovelace');
    await userEvent.type(box, 'Let me check that for you');
    expect(view.api.indicateTyping).toHaveBeenCalledOnce();
    expect(view.api.indicateTyping).toHaveBeenCalledWith(PHONE);
  });

  it('keeps typing silent when the typing call fails', async () => {
    const active = waitingChat({ phone_number: PHONE, support_status: 'active', assigned_to: { id: ADMIN.id, name: 'head' } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const indicateTyping = vi.fn(() => Promise.reject(new ApiError(409, 'chat_not_active', 'the support chat is not active')));
    openThread(active, { indicateTyping });
    const box = await screen.findByLabelText('Message to Ada Lovelace');
    await userEvent.type(box, 'Hello');
    await waitFor(() => expect(warn).toHaveBeenCalledWith('typing indicator not sent', expect.any(ApiError)));
    expect(screen.queryByRole('alert')).toBeNull();
    expect((box as HTMLTextAreaElement).value).toBe('Hello');
    warn.mockRestore();
  });

  it('asks for no typing indicator while the chat is still waiting for an admin', async () => {
    const view = openThread();
    await userEvent.type(await screen.findByLabelText('Message to Ada Lovelace'), 'Hello');
    expect(view.api.indicateTyping).not.toHaveBeenCalled();
  });

  it('keeps the draft through an expired session and shows it again after signing in', async () => {
    const view = openThread();
    await userEvent.type(await screen.findByLabelText('Message to Ada Lovelace'), 'Half-written answer');
    view.expireSession();
    expect(await screen.findByText(/Your session expired/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Email'), ADMIN.email);
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const box = await screen.findByLabelText('Message to Ada Lovelace');
    expect((box as HTMLTextAreaElement).value).toBe('Half-written answer');
    expect(window.location.pathname).toBe(`/conversations/${PHONE}`);
  });
});

// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BSUID, conversation, message, usernameOnly, waitingChat } from '../testing/builders';
import { fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';

const PHONE = '447700900001';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the conversations list', () => {
  it('shows name, phone, last message, unread count and who a support chat waits for or belongs to', async () => {
    const items = [
      waitingChat({ phone_number: '447700900002', student_name: 'Grace Hopper', last_message: 'I need help', unread_count: 2 }),
      conversation({
        phone_number: '447700900003',
        student_name: 'Alan Turing',
        is_chat_support: true,
        support_status: 'active',
        assigned_to: { id: 'x', name: 'Ms Smith' },
      }),
    ];
    renderConsole({
      path: '/conversations',
      api: fakeApi({ listConversations: vi.fn(() => Promise.resolve({ items, next_cursor: null })) }),
    });
    const grace = (await screen.findByText('Grace Hopper')).closest('a')!;
    expect(within(grace).getByText('+447700900002')).toBeTruthy();
    expect(within(grace).getByText('I need help')).toBeTruthy();
    expect(within(grace).getByLabelText('2 unread')).toBeTruthy();
    expect(within(grace).getByText('Waiting for support')).toBeTruthy();
    expect(screen.getByText('In chat · Ms Smith')).toBeTruthy();
  });

  it('adds a student who asks for support live, at the top, without reloading', async () => {
    const view = renderConsole({
      path: '/conversations',
      api: fakeApi({ listConversations: vi.fn(() => Promise.resolve({ items: [conversation()], next_cursor: null })) }),
    });
    await screen.findByText('Ada Lovelace');
    const asking = waitingChat({
      phone_number: '447700900009',
      student_name: 'Katherine Johnson',
      last_message_time: new Date().toISOString(),
    });
    view.emit('conversation.updated', { phone_number: asking.phone_number, conversation: asking });
    const rows = screen.getAllByRole('link', { name: /Katherine Johnson|Ada Lovelace/ });
    expect(rows[0]?.textContent).toContain('Katherine Johnson');
    expect(rows[0]?.textContent).toContain('Waiting for support');
  });

  it('asks admin-api for the filter and the search the admin chose', async () => {
    const listConversations = vi.fn(() => Promise.resolve({ items: [], next_cursor: null }));
    renderConsole({ path: '/conversations', api: fakeApi({ listConversations }) });
    await userEvent.click(screen.getByRole('button', { name: 'Waiting' }));
    await waitFor(() => expect(listConversations).toHaveBeenLastCalledWith({ filter: 'waiting', q: '' }));
    await userEvent.type(screen.getByLabelText('Search by name, phone or username'), 'ada');
    await waitFor(() => expect(listConversations).toHaveBeenLastCalledWith({ filter: 'waiting', q: 'ada' }));
    expect(window.location.search).toBe('?filter=waiting&q=ada');
  });

  it('shows a student known only by user id by @username, with the user id under it, linked by the user id', async () => {
    const items = [
      usernameOnly({ last_message: 'hi from thandi' }),
      usernameOnly({ user_id: 'ZA.77', username: null, last_message: 'no username' }),
    ];
    renderConsole({
      path: '/conversations',
      api: fakeApi({ listConversations: vi.fn(() => Promise.resolve({ items, next_cursor: null })) }),
    });
    const thandi = (await screen.findByText('@thandi.m')).closest('a')!;
    expect(within(thandi).getByText(BSUID)).toBeTruthy();
    expect(within(thandi).getByText('hi from thandi')).toBeTruthy();
    expect(thandi.getAttribute('href')).toBe(`/conversations/${BSUID}`);
    const bare = screen.getByText('no username').closest('a')!;
    expect(bare.querySelector('.row-name')?.textContent).toBe('ZA.77');
    expect(bare.querySelector('.row-phone')).toBeNull();
  });

  it('updates the one row of a student when a live event names them by phone and user id', async () => {
    const known = usernameOnly({ last_message: 'before' });
    const view = renderConsole({
      path: '/conversations',
      api: fakeApi({ listConversations: vi.fn(() => Promise.resolve({ items: [known], next_cursor: null })) }),
    });
    await screen.findByText('before');
    const updated = { ...known, phone_number: '447700900042', student_name: 'Thandi Mokoena', last_message: 'after' };
    view.emit('conversation.updated', { phone_number: '447700900042', user_id: BSUID, conversation: updated });
    const row = (await screen.findByText('after')).closest('a')!;
    expect(screen.queryByText('before')).toBeNull();
    expect(screen.getAllByRole('link', { name: /Thandi/ })).toHaveLength(1);
    expect(within(row).getByText('+447700900042')).toBeTruthy();
  });

  it('sends what is typed in the search box, a username too, to admin-api', async () => {
    const listConversations = vi.fn(({ q }: { q?: string }) =>
      Promise.resolve({ items: q === 'thandi.m' ? [usernameOnly()] : [], next_cursor: null }),
    );
    renderConsole({ path: '/conversations', api: fakeApi({ listConversations }) });
    await userEvent.type(screen.getByLabelText('Search by name, phone or username'), 'thandi.m');
    expect(await screen.findByText('@thandi.m')).toBeTruthy();
    expect(listConversations).toHaveBeenLastCalledWith({ filter: 'all', q: 'thandi.m' });
  });

  it('loads the next page with the cursor of the last one', async () => {
    const listConversations = vi.fn(({ cursor }: { cursor?: string }) =>
      Promise.resolve(
        cursor
          ? { items: [conversation({ phone_number: '447700900005', student_name: 'Page Two' })], next_cursor: null }
          : { items: [conversation()], next_cursor: 'c1' },
      ),
    );
    renderConsole({ path: '/conversations', api: fakeApi({ listConversations }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Load more conversations' }));
    expect(await screen.findByText('Page Two')).toBeTruthy();
    expect(listConversations).toHaveBeenLastCalledWith({ filter: 'all', q: '', cursor: 'c1' });
    expect(screen.queryByRole('button', { name: 'Load more conversations' })).toBeNull();
  });
});

describe('a thread', () => {
  const open = (overrides: Parameters<typeof fakeApi>[0] = {}, chat = waitingChat({ phone_number: PHONE })) =>
    renderConsole({
      path: `/conversations/${PHONE}`,
      api: fakeApi({
        listConversations: vi.fn(() => Promise.resolve({ items: [chat], next_cursor: null })),
        markRead: vi.fn(() => Promise.resolve({ conversation: { ...chat, unread_count: 0 } })),
        ...overrides,
      }),
    });

  it('marks the conversation read when opened, and shows who wrote each message', async () => {
    const items = [
      message({ text: 'Hello', author: 'student' }),
      message({ text: 'Welcome!', author: 'bot', direction: 'outbound', status: 'read' }),
      message({ text: 'I am here', author: 'agent', agent_name: 'Ms Smith', direction: 'outbound', status: 'delivered' }),
    ];
    const view = open({ listMessages: vi.fn(() => Promise.resolve({ items, next_cursor: null })) });
    const log = await screen.findByRole('log');
    await within(log).findByText('Hello');
    expect(view.api.markRead).toHaveBeenCalledWith(PHONE);
    expect(within(log).getAllByText('Ada Lovelace')).toHaveLength(1);
    expect(within(log).getByText('Bot')).toBeTruthy();
    expect(within(log).getByText('Ms Smith')).toBeTruthy();
    expect(within(log).getByRole('img', { name: 'Read' })).toBeTruthy();
    expect(within(log).getByRole('img', { name: 'Delivered' })).toBeTruthy();
  });

  it('shows what a student typed as text, never as markup', async () => {
    const xss = '<img src=x onerror=alert(1)>';
    open({ listMessages: vi.fn(() => Promise.resolve({ items: [message({ text: xss })], next_cursor: null })) });
    const log = await screen.findByRole('log');
    expect(await within(log).findByText(xss)).toBeTruthy();
    expect(log.querySelector('img')).toBeNull();
  });

  it('adds live messages and moves their ticks forward', async () => {
    const view = open();
    await screen.findByRole('log');
    const sent = message({ id: 'out-1', text: 'On my way', author: 'agent', direction: 'outbound', status: 'sent' });
    view.emit('message.created', { phone_number: PHONE, message: sent });
    expect(await screen.findByRole('img', { name: 'Sent' })).toBeTruthy();
    view.emit('message.status', { phone_number: PHONE, message: { ...sent, status: 'read' } });
    expect(await screen.findByRole('img', { name: 'Read' })).toBeTruthy();
    view.emit('message.status', { phone_number: PHONE, message: { ...sent, status: 'delivered' } });
    expect(screen.getByRole('img', { name: 'Read' })).toBeTruthy();
    view.emit('message.created', { phone_number: '447700900999', message: message({ text: 'someone else' }) });
    expect(screen.queryByText('someone else')).toBeNull();
  });

  it('reads again a student message that arrived while the last read call was in flight', async () => {
    const answers: Array<() => void> = [];
    const markRead = vi.fn(
      () =>
        new Promise<{ conversation: ReturnType<typeof waitingChat> }>((resolve) =>
          answers.push(() => resolve({ conversation: waitingChat({ phone_number: PHONE }) })),
        ),
    );
    const view = open({ markRead });
    await screen.findByRole('log');
    await waitFor(() => expect(markRead).toHaveBeenCalledTimes(1));
    view.emit('message.created', { phone_number: PHONE, message: message({ id: 'in-1', text: 'are you there?' }) });
    view.emit('message.created', { phone_number: PHONE, message: message({ id: 'in-2', text: 'hello?' }) });
    expect(markRead).toHaveBeenCalledTimes(1);
    answers.shift()!();
    // One more call covers both messages that came while the first was answered.
    await waitFor(() => expect(markRead).toHaveBeenCalledTimes(2));
    answers.shift()!();
    await screen.findByText('hello?');
    expect(markRead).toHaveBeenCalledTimes(2);
  });

  it("shows a failed message's reason on tap", async () => {
    const failed = message({
      author: 'agent',
      direction: 'outbound',
      status: 'failed',
      error: { code: 131047, title: 'Re-engagement message' },
    });
    open({ listMessages: vi.fn(() => Promise.resolve({ items: [failed], next_cursor: null })) });
    const button = await screen.findByRole('button', { name: /Not delivered: Re-engagement message \(code 131047\)/ });
    await userEvent.click(button);
    expect(screen.getByRole('note').textContent).toBe('Re-engagement message (code 131047)');
  });

  it('says under a failed message, in plain words, why WhatsApp did not deliver it', async () => {
    const reason = 'The student has stopped marketing messages from the school. Reach them when they write to us.';
    const failed = message({
      author: 'agent',
      direction: 'outbound',
      text: 'Open day',
      status: 'failed',
      error: { code: 131050, title: 'Unable to deliver message', reason },
    });
    open({ listMessages: vi.fn(() => Promise.resolve({ items: [failed], next_cursor: null })) });
    const item = (await screen.findByText('Open day')).closest('li')!;
    expect(within(item).getByText(reason)).toBeTruthy();
  });

  it('marks the messages WhatsApp charges for, with their category, and no free one', async () => {
    const billed = message({
      direction: 'outbound',
      author: 'bot',
      text: 'Term dates',
      status: 'delivered',
      pricing: { type: 'regular', category: 'utility', billable: true },
    });
    const free = message({
      direction: 'outbound',
      author: 'agent',
      text: 'Happy to help',
      status: 'read',
      pricing: { type: 'free_customer_service', category: 'service', billable: false },
    });
    open({ listMessages: vi.fn(() => Promise.resolve({ items: [billed, free], next_cursor: null })) });
    const billedItem = (await screen.findByText('Term dates')).closest('li')!;
    expect(within(billedItem).getByText('Billable · utility')).toBeTruthy();
    const freeItem = screen.getByText('Happy to help').closest('li')!;
    expect(within(freeItem).queryByText(/Billable/)).toBeNull();
  });

  it('renders an image as a placeholder with its caption while media cannot be downloaded', async () => {
    const image = message({ type: 'image', text: 'my homework' });
    open({ listMessages: vi.fn(() => Promise.resolve({ items: [image], next_cursor: null })) });
    expect(await screen.findByLabelText('Image attachment')).toBeTruthy();
    expect(screen.getByText('my homework')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show image' })).toBeNull();
  });

  it('loads older messages with the cursor of the oldest page', async () => {
    const listMessages = vi.fn((_phone: string, before?: string) =>
      Promise.resolve(
        before
          ? { items: [message({ text: 'older', created_at: '2026-11-01T00:00:00.000Z' })], next_cursor: null }
          : { items: [message({ text: 'newest' })], next_cursor: 'b1' },
      ),
    );
    open({ listMessages });
    await userEvent.click(await screen.findByRole('button', { name: 'Load older messages' }));
    expect(await screen.findByText('older')).toBeTruthy();
    expect(listMessages).toHaveBeenLastCalledWith(PHONE, 'b1');
    const texts = [...screen.getByRole('log').querySelectorAll('.message-text')].map((p) => p.textContent);
    expect(texts).toEqual(['older', 'newest']);
  });

  it('claims a waiting chat and ends it only after confirmation', async () => {
    const view = open();
    await userEvent.click(await screen.findByRole('button', { name: 'Claim chat' }));
    expect(view.api.claimChat).toHaveBeenCalledWith(PHONE);
    expect(await screen.findAllByText('In chat · you')).not.toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'End chat' }));
    expect(view.api.endChat).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText(/End the chat with Ada Lovelace\?/)).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Yes, end chat' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, end chat' }));
    expect(view.api.endChat).toHaveBeenCalledWith(PHONE);
    expect(await screen.findByRole('button', { name: 'Start chat' })).toBeTruthy();
  });

  it('opens the thread of a student known only by user id: named by @username, every call by the user id', async () => {
    const chat = usernameOnly({ is_chat_support: true, support_status: 'waiting', state: 'support' });
    const listMessages = vi.fn(() => Promise.resolve({ items: [message({ text: 'can you help?' })], next_cursor: null }));
    const view = renderConsole({
      path: `/conversations/${BSUID}`,
      api: fakeApi({
        listConversations: vi.fn(() => Promise.resolve({ items: [chat], next_cursor: null })),
        listMessages,
        markRead: vi.fn(() => Promise.resolve({ conversation: { ...chat, unread_count: 0 } })),
      }),
    });
    const thread = await screen.findByRole('region', { name: 'Conversation with @thandi.m' });
    const log = await within(thread).findByRole('log');
    await within(log).findByText('can you help?');
    expect(within(log).getByText('@thandi.m')).toBeTruthy();
    expect(within(thread).getByText(BSUID)).toBeTruthy();
    expect(listMessages).toHaveBeenCalledWith(BSUID);
    expect(view.api.markRead).toHaveBeenCalledWith(BSUID);
    expect(view.container.querySelector('a.conversation-row[aria-current="page"]')?.getAttribute('href')).toBe(`/conversations/${BSUID}`);
    await userEvent.click(within(thread).getByRole('button', { name: 'Claim chat' }));
    expect(view.api.claimChat).toHaveBeenCalledWith(BSUID);
  });

  it('takes live messages named by phone and user id into a thread opened by the user id', async () => {
    const chat = usernameOnly();
    const view = renderConsole({
      path: `/conversations/${BSUID}`,
      api: fakeApi({ listConversations: vi.fn(() => Promise.resolve({ items: [chat], next_cursor: null })) }),
    });
    await screen.findByRole('log');
    view.emit('message.created', { phone_number: '447700900042', user_id: BSUID, message: message({ text: 'my number is back' }) });
    view.emit('message.created', { phone_number: null, user_id: 'ZA.77', message: message({ text: 'someone else' }) });
    expect(await within(screen.getByRole('log')).findByText('my number is back')).toBeTruthy();
    expect(screen.queryByText('someone else')).toBeNull();
  });

  it('says why a failed command failed', async () => {
    const { ApiError } = await import('../api/api-error');
    open({ claimChat: vi.fn(() => Promise.reject(new ApiError(409, 'already_claimed', 'the chat is already taken by Ms Smith'))) });
    await userEvent.click(await screen.findByRole('button', { name: 'Claim chat' }));
    expect((await screen.findByRole('alert')).textContent).toBe('the chat is already taken by Ms Smith');
  });
});

// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleApi } from '../api/console-api';
import { ApiError } from '../api/api-error';
import { conversation, waitingChat } from '../testing/builders';
import { fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';

const PHONE = '447700900001';
const FEES = { id: '11111111-1111-4111-8111-111111111111', name: 'Fees', colour: '#fde68a' };
const EXAMS = { id: '22222222-2222-4222-8222-222222222222', name: 'Exams', colour: '#bbf7d0' };
const withLabels = (overrides: Partial<ConsoleApi> = {}) =>
  fakeApi({ listLabels: vi.fn(() => Promise.resolve({ items: [EXAMS, FEES] })), ...overrides });

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('labels in the conversation list', () => {
  it('shows each row its labels, filters by label through the API and keeps the filter in the address', async () => {
    const listConversations = vi.fn(() =>
      Promise.resolve({ items: [conversation({ phone_number: PHONE, labels: [FEES] })], next_cursor: null }),
    );
    renderConsole({ path: '/conversations', api: withLabels({ listConversations }) });
    const row = (await screen.findByText('Ada Lovelace')).closest('a')!;
    expect(within(row).getByText('Fees')).toBeTruthy();
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Label' }), 'Fees');
    await waitFor(() => expect(listConversations).toHaveBeenLastCalledWith({ filter: 'all', q: '', label: FEES.id }));
    expect(window.location.search).toBe(`?label=${FEES.id}`);
  });

  it('drops a row from a filtered list when a live update takes its label off', async () => {
    const listConversations = vi.fn(() =>
      Promise.resolve({ items: [conversation({ phone_number: PHONE, labels: [FEES] })], next_cursor: null }),
    );
    const view = renderConsole({ path: `/conversations?label=${FEES.id}`, api: withLabels({ listConversations }) });
    await screen.findByText('Ada Lovelace');
    view.emit('conversation.updated', {
      phone_number: PHONE,
      user_id: null,
      conversation: conversation({ phone_number: PHONE, labels: [] }),
    });
    await waitFor(() => expect(screen.queryByText('Ada Lovelace')).toBeNull());
  });
});

describe('labels in the thread header', () => {
  it('puts a label on and takes one off, showing the answer', async () => {
    const chat = waitingChat({ phone_number: PHONE, labels: [FEES] });
    const addConversationLabel = vi.fn(() => Promise.resolve({ conversation: { ...chat, labels: [EXAMS, FEES] } }));
    const removeConversationLabel = vi.fn(() => Promise.resolve({ conversation: { ...chat, labels: [EXAMS] } }));
    renderConsole({
      path: `/conversations/${PHONE}`,
      api: withLabels({ markRead: vi.fn(() => Promise.resolve({ conversation: chat })), addConversationLabel, removeConversationLabel }),
    });
    const header = (await screen.findByRole('heading', { name: 'Ada Lovelace', level: 2 })).closest('header')!;
    await userEvent.selectOptions(await within(header).findByRole('combobox', { name: 'Add a label' }), 'Exams');
    expect(addConversationLabel).toHaveBeenCalledWith(PHONE, EXAMS.id);
    await userEvent.click(await within(header).findByRole('button', { name: 'Remove label Fees' }));
    expect(removeConversationLabel).toHaveBeenCalledWith(PHONE, FEES.id);
    await waitFor(() => expect(within(header).queryByRole('button', { name: 'Remove label Fees' })).toBeNull());
    expect(within(header).getByText('Exams')).toBeTruthy();
  });
});

describe('the labels screen', () => {
  it('adds a label with a palette colour, and shows a refusal in words', async () => {
    const createLabel = vi
      .fn<ConsoleApi['createLabel']>()
      .mockResolvedValueOnce({ label: EXAMS })
      .mockRejectedValueOnce(new ApiError(409, 'name_taken', 'another label has this name'));
    renderConsole({ path: '/labels', api: withLabels({ createLabel }) });
    const form = await screen.findByRole('form', { name: 'Add label' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Trips');
    await userEvent.click(within(form).getByRole('button', { name: 'Colour #bfdbfe' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Add label' }));
    expect(createLabel).toHaveBeenCalledWith({ name: 'Trips', colour: '#bfdbfe' });
    await waitFor(() => expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe(''));
    await userEvent.type(within(form).getByLabelText('Name'), 'fees');
    await userEvent.click(within(form).getByRole('button', { name: 'Add label' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('another label has this name');
  });

  it('is not offered to agents', async () => {
    const { AGENT } = await import('../testing/fake-api');
    renderConsole({ path: '/labels', user: AGENT, api: withLabels() });
    expect(await screen.findByText(/nothing here for you/)).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation } from '../testing/builders';
import { AGENT, fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';

const PHONE = '447700900001';
const ada = conversation({ phone_number: PHONE, student_name: 'Ada Lovelace' });
const erasure = {
  id: '00000000-0000-4000-8000-0000000000aa',
  subject_hash: 'h',
  erased_at: new Date().toISOString(),
  removed: {},
  jobs_removed: 0,
  jobs_in_flight: 0,
  media_pending: 0,
};

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const open = (overrides: Parameters<typeof fakeApi>[0] = {}, user = undefined as typeof AGENT | undefined) =>
  renderConsole({
    path: `/conversations/${PHONE}`,
    ...(user ? { user } : {}),
    api: fakeApi({
      listConversations: vi.fn(() => Promise.resolve({ items: [ada], next_cursor: null })),
      markRead: vi.fn(() => Promise.resolve({ conversation: ada })),
      ...overrides,
    }),
  });

describe("the student's data from the thread header", () => {
  it('erases only once the id is typed again, then leaves the thread and drops it from the list', async () => {
    const eraseStudent = vi.fn(() => Promise.resolve({ erasure, media_deleted: 0, media_pending: 0, audit_entries_scrubbed: 0 }));
    const view = open({ eraseStudent });
    const thread = await screen.findByRole('region', { name: 'Conversation with Ada Lovelace' });
    await userEvent.click(within(thread).getByText('Student data'));
    await userEvent.click(within(thread).getByRole('button', { name: 'Erase student…' }));
    const dialog = within(thread).getByRole('alertdialog');
    expect(within(dialog).getByText(/Erase Ada Lovelace\?/)).toBeTruthy();
    const erase = within(dialog).getByRole('button', { name: 'Erase permanently' });
    expect((erase as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(within(dialog).getByLabelText('Student id to confirm'), '44770090000');
    expect((erase as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(within(dialog).getByLabelText('Student id to confirm'), '1');
    await userEvent.click(erase);
    expect(eraseStudent).toHaveBeenCalledWith(PHONE, PHONE);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Conversation with Ada Lovelace' })).toBeNull());
    view.emit('conversation.erased', { phone_number: PHONE, user_id: null });
    await waitFor(() => expect(screen.queryByText('Ada Lovelace')).toBeNull());
  });

  it('offers agents the transcript only; export and erase are for admins', async () => {
    const transcript = vi.fn(() => Promise.resolve({ blob: new Blob(['{}']), filename: 'transcript.json' }));
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    open({ transcript }, AGENT);
    const thread = await screen.findByRole('region', { name: 'Conversation with Ada Lovelace' });
    await userEvent.click(within(thread).getByText('Student data'));
    expect(within(thread).queryByRole('button', { name: 'Export data' })).toBeNull();
    expect(within(thread).queryByRole('button', { name: 'Erase student…' })).toBeNull();
    await userEvent.click(within(thread).getByRole('button', { name: 'Transcript (JSON)' }));
    expect(transcript).toHaveBeenCalledWith(PHONE, 'json', expect.any(String));
  });
});
